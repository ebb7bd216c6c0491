import { useEffect, useRef } from 'preact/hooks'

/** A key (as `KeyboardEvent.key`) → what it does. */
export type Shortcuts = Record<string, (event: KeyboardEvent) => void>

/**
 * Whether a key press belongs to what has focus: typing in a field, Enter on a control, a modifier
 * combination (the browser's own shortcuts), or anything while a modal dialog is open.
 */
export function isForSomethingElse(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true
  const target = event.target
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [role=textbox]'))) return true
  // Enter on a link or a button is that control's own.
  if (event.key === 'Enter' && target instanceof HTMLElement && target.closest('a[href], button, summary')) return true
  return document.querySelector('dialog[open]') !== null
}

/**
 * The console's single-key shortcuts while the calling component is on screen. Keys are matched
 * as typed (`?`, `j`, `Enter`); a key pressed in a field or a dialog goes there instead.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const current = useRef(shortcuts)
  current.current = shortcuts
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isForSomethingElse(event)) return
      const action = current.current[event.key]
      if (!action) return
      event.preventDefault()
      action(event)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
}

import type { ComponentChildren } from 'preact'
import { h } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { t } from '../i18n/index.ts'

/**
 * A modal dialog on the platform's <dialog>: it traps focus, closes on Escape, and gives focus
 * back to what had it. Rendered only while open.
 */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const before = document.activeElement
    dialog.showModal()
    const focus = dialog.querySelector<HTMLElement>('[data-autofocus]')
    focus?.focus()
    return () => {
      dialog.close()
      if (before instanceof HTMLElement && before.isConnected) before.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      class={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby="dialog-title"
      onCancel={(event) => (event.preventDefault(), onClose())}
      onKeyDown={(event) => {
        // Ctrl+Enter sends the dialog's form from any field, as in the reply box.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) (event.target as HTMLElement).closest('form')?.requestSubmit()
      }}
    >
      <header class="dialog-header">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" class="icon-button" aria-label={t.value.close} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  )
}

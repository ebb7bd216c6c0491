import type { AddBreadcrumb } from './types.ts'

const interactive = 'a,button,input,select,textarea,label,summary,[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox]'
const fields = new Set(['input', 'select', 'textarea'])

/**
 * A short, readable selector for a clicked element: `button#save.primary "Save"`. Buttons and
 * links get their label; form fields only their type and name (`input[type=password][name=pw]`),
 * never what was typed in them.
 */
export function describeElement(target: Element): string {
  const element = target.closest(interactive) ?? target
  const tag = element.tagName.toLowerCase()
  let text =
    tag +
    (element.id ? `#${element.id}` : '') +
    [...element.classList]
      .slice(0, 3)
      .map((name) => `.${name}`)
      .join('')
  if (fields.has(tag) || element.hasAttribute('contenteditable')) {
    for (const name of ['type', 'name']) {
      const value = element.getAttribute(name)
      if (value) text += `[${name}=${value}]`
    }
    return text
  }
  if (element === target && !element.matches(interactive)) return text
  const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim()
  return label ? `${text} "${label.length > 40 ? `${label.slice(0, 40).trimEnd()}…` : label}"` : text
}

/** Records clicks, in the capture phase so a page's stopPropagation does not hide them. */
export function captureClicks(add: AddBreadcrumb): () => void {
  const onClick = (event: Event) => {
    const target = event.target as Partial<Element> | null
    if (target?.closest) add({ type: 'click', message: describeElement(target as Element) })
  }
  document.addEventListener('click', onClick, { capture: true, passive: true })
  return () => document.removeEventListener('click', onClick, { capture: true })
}

// Looks at the widget (or a whole page: the agents' console) as a person does, in a real browser:
// walks every element of its shadow root (or of the page) and names what a person would see is
// wrong. Generic on purpose: a new screen is covered by calling it there, with no rule of its own.
// Used by the widget's and the console's layout tests and `npm run screenshots`.
import type { Page } from 'playwright-core'

/** The smallest touch target, in CSS px: WCAG 2.2, 2.5.5 Target Size (Enhanced). */
export const minTarget = 44

/** What to look at: the widget (default), or the whole page of an app such as the console. */
export interface LayoutScope {
  /** `widget`: the `<triage-widget>` shadow root and its panel; `page`: the document, in the viewport. */
  scope: 'widget' | 'page'
  /** The smallest touch target in CSS px (default 44, WCAG 2.5.5). */
  minTarget?: number
}

/**
 * What is wrong with the widget's layout as the page shows it now, one sentence per problem:
 * - squeezed text: a word broken across lines, or wider than the element that holds it (a column
 *   squeezed to a few characters reads one letter per line);
 * - horizontal overflow: content wider than the panel, or sticking out of it;
 * - a control (button, field, link) clipped by the panel or covered by something else;
 * - a touch target under 44 × 44 px (a radio or checkbox counts with the label around it).
 * Words longer than 30 characters (addresses, URLs) may break: they cannot fit otherwise.
 */
export function layoutProblems(page: Page, { scope, minTarget: smallest = minTarget }: LayoutScope = { scope: 'widget' }): Promise<string[]> {
  return page.evaluate(
    ([minTarget, scope]) => {
      const problems: string[] = []
      const root = scope === 'page' ? document : document.querySelector('triage-widget')?.shadowRoot
      if (!root) return ['no <triage-widget> with an open shadow root']
      const panel = scope === 'page' ? null : root.querySelector<HTMLElement>('.panel')
      // On a page, an open modal dialog is all a person can reach: the rest is inert behind it.
      const area = scope === 'page' ? (document.querySelector<HTMLElement>('dialog:modal') ?? document.body) : (panel ?? root.querySelector<HTMLElement>('.launcher'))
      if (!area) return ['neither the panel nor the launcher is on screen']

      const describe = (element: Element) => {
        const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ')
        const label = element.getAttribute('aria-label') ?? element.getAttribute('data-testid') ?? (text.length > 40 ? `${text.slice(0, 40)}…` : text)
        return `<${element.localName}${element.id ? `#${element.id}` : ''}>${label ? ` “${label}”` : ''}`
      }
      // Text for screen readers only (a clipped 1 px box) is not laid out to be read by eye.
      const forScreenReaders = (element: Element) => {
        const box = element.getBoundingClientRect()
        return box.width <= 1 && box.height <= 1
      }
      const shown = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden' && !forScreenReaders(element)
      const elements = [...root.querySelectorAll('*')].filter((element) => area.contains(element) && shown(element))
      // Scrolling controls into view moves boxes that scroll inside the page: put them back after.
      const scrolledBefore = elements.map((element) => [element, element.scrollTop, element.scrollLeft] as const)

      // Squeezed text: each word of each text, measured where it is laid out.
      const range = document.createRange()
      for (const element of elements) {
        for (const node of element.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE) continue
          const text = node.textContent ?? ''
          for (const match of text.matchAll(/[^\s\-—–/·]+/g)) {
            const word = match[0]
            if (word.length < 2 || word.length > 30) continue
            range.setStart(node, match.index)
            range.setEnd(node, match.index + word.length)
            const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)))
            const wordWidth = range.getBoundingClientRect().width
            const box = element.getBoundingClientRect()
            if (lines.size > 1) problems.push(`squeezed text: “${word}” breaks across ${lines.size} lines in ${describe(element)} (${Math.round(box.width)} px wide)`)
            else if (box.width + 0.5 < wordWidth && getComputedStyle(element).display !== 'inline') {
              problems.push(`squeezed text: “${word}” (${Math.round(wordWidth)} px) is wider than ${describe(element)} (${Math.round(box.width)} px)`)
            }
          }
        }
      }

      // Horizontal overflow of the panel, and anything sticking out of it.
      const frame = area.getBoundingClientRect()
      if (panel && panel.scrollWidth > panel.clientWidth + 1) problems.push(`horizontal overflow: the panel's content is ${panel.scrollWidth} px wide in ${panel.clientWidth} px`)
      if (scope === 'page' && document.documentElement.scrollWidth > innerWidth + 1)
        problems.push(`horizontal overflow: the page is ${document.documentElement.scrollWidth} px wide in a ${innerWidth} px viewport`)
      for (const element of elements) {
        const box = element.getBoundingClientRect()
        if (panel && box.width > 0 && (box.left < frame.left - 1 || box.right > frame.right + 1)) {
          problems.push(
            `horizontal overflow: ${describe(element)} spans ${Math.round(box.left)}–${Math.round(box.right)} px, outside the panel (${Math.round(frame.left)}–${Math.round(frame.right)} px)`,
          )
        }
      }
      if (frame.left < -1 || frame.right > innerWidth + 1)
        problems.push(`horizontal overflow: ${describe(area)} spans ${Math.round(frame.left)}–${Math.round(frame.right)} px in a ${innerWidth} px viewport`)

      // Controls: visible in full, on top where a finger lands, and big enough for one.
      const controls = elements.filter((element) => element.matches('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])'))
      for (const control of controls) {
        // A skip link waits off screen until it has the focus.
        const offScreen = control.getBoundingClientRect()
        if (scope === 'page' && getComputedStyle(control).position === 'absolute' && (offScreen.bottom <= 0 || offScreen.right <= 0)) continue
        // On a page, to the middle: a sticky bar at the top would cover a control scrolled just into view.
        control.scrollIntoView({ block: scope === 'page' ? 'center' : 'nearest', inline: 'nearest' })
        const box = control.getBoundingClientRect()
        const view = panel ? panel.getBoundingClientRect() : { left: 0, top: 0, right: innerWidth, bottom: innerHeight }
        if (box.left < view.left - 1 || box.right > view.right + 1 || box.top < Math.max(0, view.top) - 1 || box.bottom > Math.min(innerHeight, view.bottom) + 1) {
          problems.push(
            `clipped control: ${describe(control)} is not fully visible (${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)})`,
          )
          continue
        }
        const label = control.closest('label')
        const hit = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
        const reached = hit !== null && (hit === control || control.contains(hit) || label?.contains(hit))
        if (!reached) problems.push(`covered control: ${describe(control)} is under ${hit ? describe(hit) : 'nothing of the widget'} at its centre`)
        // A radio or checkbox is hit through its label, which is the target.
        const target = (control.matches('input[type=radio], input[type=checkbox]') && label) || control
        const size = target.getBoundingClientRect()
        if (size.width < minTarget - 0.5 || size.height < minTarget - 0.5) {
          problems.push(`small touch target: ${describe(target)} is ${Math.round(size.width)} × ${Math.round(size.height)} px (at least ${minTarget} × ${minTarget})`)
        }
      }
      for (const [element, top, left] of scrolledBefore) element.scrollTo({ top, left })
      panel?.scrollTo({ top: 0 })
      if (scope === 'page') window.scrollTo({ top: 0 })
      return problems
    },
    [smallest, scope] as const,
  )
}

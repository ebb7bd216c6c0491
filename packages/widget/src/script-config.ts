import type { Position, WidgetSettings } from './options.ts'
import { toPosition } from './options.ts'

/** The options a script tag can give: no callbacks, no string overrides. */
export type ScriptOptions = Pick<WidgetSettings, 'locale' | 'color'> & { key: string; endpoint: string; position: Position }

/**
 * The widget's options from its script tag's data attributes:
 * `data-key` (required), `data-endpoint` (default: the origin the script was loaded from),
 * `data-locale`, `data-position`, `data-color`.
 *
 * @returns the options, or an error message that says what to fix.
 * @example
 * // <script async src="https://triage.example.com/widget.js" data-key="pk_demo"></script>
 * readScriptConfig(document.currentScript) // { key: 'pk_demo', endpoint: 'https://triage.example.com' }
 */
export function readScriptConfig(script: Element | null): ScriptOptions | { error: string } {
  if (!(script instanceof HTMLScriptElement)) {
    return { error: 'Triage: load widget.js with a classic <script> tag, not a module.' }
  }
  const { key, endpoint, locale, position, color } = script.dataset
  if (!key) {
    return { error: 'Triage: the widget needs your publishable key: add data-key="pk_…" to its <script> tag.' }
  }
  const options: ScriptOptions = {
    key,
    endpoint: endpoint || new URL(script.src, document.baseURI).origin,
    position: toPosition(position),
  }
  if (locale) options.locale = locale
  if (color) options.color = color
  return options
}

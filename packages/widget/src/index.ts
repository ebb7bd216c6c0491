/**
 * @triage/widget — the reporter's side of Triage, for apps that bundle their JavaScript.
 * Pages without a bundler load `dist/widget.js` with a script tag instead (see `script-tag.ts`).
 */
export { mount } from './mount.tsx'
export type { Deflection, Position, Prefill, WidgetHandle, WidgetOptions, WidgetSettings } from './options.ts'
export type { Locale, StringOverrides, Strings } from './i18n/index.ts'
export type { ContextPart } from './context-parts.ts'

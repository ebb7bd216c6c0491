import type { StringOverrides, Strings } from './strings.ts'

export type { Locale } from './locale.ts'
export { pickLocale } from './locale.ts'
export type { AttachmentStrings, FollowStrings, PanelStrings, StringOverrides, Strings } from './strings.ts'

/** A dictionary with the app's overrides on top (one level deep, for the nested maps). */
export function resolveStrings(base: Strings, overrides: StringOverrides = {}): Strings {
  return {
    ...base,
    ...overrides,
    event: { ...base.event, ...overrides.event },
    status: { ...base.status, ...overrides.status },
    priority: { ...base.priority, ...overrides.priority },
    category: { ...base.category, ...overrides.category } as Record<string, string>,
  }
}

/**
 * An id from the server (status, priority, category) in plain words. Ids outside the dictionary,
 * such as an app's own categories or a status newer than this widget, are shown as they are.
 * @example words(strings.status, 'in_progress') // 'In progress — someone is working on it'
 */
export function words(dictionary: Readonly<Record<string, string | undefined>>, id: string): string {
  return (Object.hasOwn(dictionary, id) && dictionary[id]) || id.replaceAll('_', ' ')
}

/**
 * A date (ISO 8601) in the reporter's language, e.g. `Nov 29, 2026, 10:02 AM`.
 * @example formatDate('fr', '2026-11-29T10:02:00Z', { dateStyle: 'medium' }) // '29 nov. 2026'
 */
export function formatDate(locale: string, iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(locale, options).format(new Date(iso))
}

/**
 * A string with its `{name}` slots filled.
 * @example fill('Question {n} of {total}', { n: 2, total: 4 }) // 'Question 2 of 4'
 */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => `${values[name] ?? slot}`)
}

import type { StringOverrides, Strings } from './strings.ts'

export type { Locale } from './locale.ts'
export { pickLocale } from './locale.ts'
export type { StringOverrides, Strings } from './strings.ts'

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
 * A string with its `{name}` slots filled.
 * @example fill('Question {n} of {total}', { n: 2, total: 4 }) // 'Question 2 of 4'
 */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => `${values[name] ?? slot}`)
}

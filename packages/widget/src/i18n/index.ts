import { en } from './en.ts'
import { fr } from './fr.ts'
import type { StringOverrides, Strings } from './strings.ts'

export type { StringOverrides, Strings } from './strings.ts'

export const dictionaries = { en, fr } satisfies Record<string, Strings>
export type Locale = keyof typeof dictionaries

/**
 * The dictionary for a BCP 47 tag, by its language (`fr-CA` → `fr`); English when we have none.
 * @param requested e.g. the `locale` option or `navigator.language`
 */
export function pickLocale(requested: string | undefined): Locale {
  const language = (requested ?? '').toLowerCase().split(/[-_]/)[0] ?? ''
  return Object.hasOwn(dictionaries, language) ? (language as Locale) : 'en'
}

/** The locale's strings with the app's overrides on top (one level deep, for the nested maps). */
export function resolveStrings(locale: Locale, overrides: StringOverrides = {}): Strings {
  const base = dictionaries[locale]
  return {
    ...base,
    ...overrides,
    status: { ...base.status, ...overrides.status },
    priority: { ...base.priority, ...overrides.priority },
    category: { ...base.category, ...overrides.category },
  }
}

/**
 * An id from the server (status, priority, category) in plain words. Ids outside the dictionary,
 * such as an app's own categories or a status newer than this widget, are shown as they are.
 * @example words(strings.status, 'in_progress') // 'In progress — someone is working on it'
 */
export function words(dictionary: Readonly<Record<string, string>>, id: string): string {
  return (Object.hasOwn(dictionary, id) && dictionary[id]) || id.replaceAll('_', ' ')
}

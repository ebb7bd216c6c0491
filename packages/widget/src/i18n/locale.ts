/** The languages the widget speaks. Kept apart from the dictionaries so the launcher loads none of them. */
export const locales = ['en', 'fr'] as const
export type Locale = (typeof locales)[number]

/**
 * The language for a BCP 47 tag (`fr-CA` → `fr`); English when we have none.
 * @param requested e.g. the `locale` option or `navigator.language`
 */
export function pickLocale(requested: string | undefined): Locale {
  const language = (requested ?? '').toLowerCase().split(/[-_]/)[0] ?? ''
  return locales.find((locale) => locale === language) ?? 'en'
}

/** The launcher's label, the one string the eager loader needs (the dictionaries reuse it). */
export const launcherLabels: Record<Locale, string> = { en: 'Report a problem', fr: 'Signaler un problème' }

import { h } from 'preact'
import type { Locale } from '../i18n/index.ts'
import { locale, locales, t } from '../i18n/index.ts'

const names: Record<Locale, string> = { en: 'English', fr: 'Français' }

/** The console's language, each named in itself; `visibleLabel` shows the word "Language" beside it. */
export function LanguageSelect({ visibleLabel = false }: { visibleLabel?: boolean }) {
  return (
    <label class={visibleLabel ? 'compact auth-language' : 'compact'}>
      <span class={visibleLabel ? undefined : 'visually-hidden'}>{t.value.language}</span>
      <select value={locale.value} onChange={(event) => (locale.value = event.currentTarget.value as Locale)}>
        {locales.map((code) => (
          <option value={code} key={code}>
            {names[code]}
          </option>
        ))}
      </select>
    </label>
  )
}

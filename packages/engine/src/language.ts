import type { Locale } from './diagnosis/types.ts'

/**
 * The language to answer in, from a BCP 47 tag (`fr-CA`) or an Accept-Language header
 * (`fr-FR,fr;q=0.9,en;q=0.8`): the most preferred one we speak, English otherwise.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-12.5.4
 */
export function languageOf(header: string | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = Number(
        params
          .map((param) => param.trim())
          .find((param) => param.startsWith('q='))
          ?.slice(2) ?? 1,
      )
      return { language: tag.split(/[-_]/)[0], q: Number.isFinite(q) ? q : 0, index }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  return ranked.find((entry) => entry.language === 'en' || entry.language === 'fr')?.language === 'fr' ? 'fr' : 'en'
}

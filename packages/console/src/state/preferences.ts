import { effect, signal } from '@preact/signals'
import type { Locale } from '../i18n/index.ts'
import { locale, pickLocale } from '../i18n/index.ts'

export type Theme = 'system' | 'light' | 'dark'

const storageKey = 'triage-console-preferences'

/** Light, dark, or the system's: the agent's choice on this device. */
export const theme = signal<Theme>('system')

interface Stored {
  theme?: Theme
  locale?: Locale
}

function read(): Stored {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}')
    return typeof value === 'object' && value !== null ? (value as Stored) : {}
  } catch {
    // Storage off (private mode) or damaged: the defaults.
    return {}
  }
}

/**
 * Reads the remembered theme and language (else the browser's language), applies them to the
 * page (`data-theme` on <html>, its `lang`), and keeps them applied and remembered.
 */
export function startPreferences(): void {
  const stored = read()
  theme.value = stored.theme === 'light' || stored.theme === 'dark' ? stored.theme : 'system'
  locale.value = stored.locale ? pickLocale(stored.locale) : pickLocale(navigator.language)
  effect(() => {
    const root = document.documentElement
    if (theme.value === 'system') delete root.dataset['theme']
    else root.dataset['theme'] = theme.value
    root.lang = locale.value
    try {
      localStorage.setItem(storageKey, JSON.stringify({ theme: theme.value, locale: locale.value }))
    } catch {
      // Not remembered, still applied.
    }
  })
}

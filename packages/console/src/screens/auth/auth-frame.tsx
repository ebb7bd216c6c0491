import type { ComponentChildren } from 'preact'
import { h } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import type { Locale } from '../../i18n/index.ts'
import { locale, locales, t } from '../../i18n/index.ts'

/** The frame of the screens before signing in: the product's name, the form, the language. */
export function AuthFrame({ title, children }: { title: string; children: ComponentChildren }) {
  const strings = t.value
  const ref = useRef<HTMLElement>(null)
  useEffect(() => ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus(), [])
  return (
    <main class="auth" id="main" ref={ref}>
      <div class="auth-card">
        <p class="brand">{strings.appName}</p>
        <h1>{title}</h1>
        {children}
        <label class="compact auth-language">
          <span>{strings.language}</span>
          <select value={locale.value} onChange={(event) => (locale.value = event.currentTarget.value as Locale)}>
            {locales.map((code) => (
              <option value={code} key={code}>
                {code === 'en' ? 'English' : 'Français'}
              </option>
            ))}
          </select>
        </label>
      </div>
    </main>
  )
}

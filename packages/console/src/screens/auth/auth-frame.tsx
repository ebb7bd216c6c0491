import type { ComponentChildren } from 'preact'
import { h } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { LanguageSelect } from '../../ui/language-select.tsx'

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
        <LanguageSelect visibleLabel />
      </div>
    </main>
  )
}

import { signal } from '@preact/signals'
import type { ComponentChildren } from 'preact'
import { h } from 'preact'
import { fill, t } from '../i18n/index.ts'
import { liveConnected } from '../state/live.ts'
import type { Theme } from '../state/preferences.ts'
import { theme } from '../state/preferences.ts'
import { base, navigate, route } from '../state/router.ts'
import { agent, signOut } from '../state/session.ts'
import { useShortcuts } from './keyboard.ts'
import { LanguageSelect } from './language-select.tsx'
import { ShortcutsHelp } from './shortcuts-help.tsx'

const helpOpen = signal(false)

/** A link inside the console: followed without a reload (a modified click opens a tab as usual). */
export function ConsoleLink({ href, children, ...rest }: { href: string; children: ComponentChildren; class?: string; 'aria-current'?: 'page' | undefined; id?: string }) {
  return (
    <a
      href={href}
      {...rest}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
        event.preventDefault()
        navigate(href)
      }}
    >
      {children}
    </a>
  )
}

/** The frame of every signed-in screen: the top bar (navigation, live mark, preferences, the agent) and the page. */
export function Shell({ sidebar, children }: { sidebar?: ComponentChildren; children: ComponentChildren }) {
  const strings = t.value
  const screen = route.value.screen
  const me = agent.value
  useShortcuts({ '?': () => (helpOpen.value = true) })
  return (
    <div class="shell">
      <a class="skip" href="#main">
        {strings.skipToContent}
      </a>
      <header class="topbar">
        <span class="brand">{strings.appName}</span>
        <nav aria-label={strings.mainNav} class="main-nav">
          <ConsoleLink href={base} aria-current={screen === 'queue' || screen === 'ticket' ? 'page' : undefined}>
            {strings.queueNav}
          </ConsoleLink>
          <ConsoleLink href={`${base}/metrics`} aria-current={screen === 'metrics' ? 'page' : undefined}>
            {strings.metricsNav}
          </ConsoleLink>
        </nav>
        <span class={liveConnected.value ? 'live on' : 'live'} role="status" data-testid="live">
          {liveConnected.value ? strings.live : strings.liveOff}
        </span>
        <div class="preferences" role="group" aria-label={strings.preferences}>
          <LanguageSelect />
          <label class="compact">
            <span class="visually-hidden">{strings.theme}</span>
            <select value={theme.value} onChange={(event) => (theme.value = event.currentTarget.value as Theme)} data-testid="theme">
              <option value="system">{strings.themeSystem}</option>
              <option value="light">{strings.themeLight}</option>
              <option value="dark">{strings.themeDark}</option>
            </select>
          </label>
          <button type="button" class="icon-button" aria-label={strings.shortcutsButton} onClick={() => (helpOpen.value = true)}>
            ?
          </button>
        </div>
        {me ? (
          <div class="me">
            <span class="me-name">{fill(strings.signedInAs, { name: me.name, role: me.role })}</span>
            <button type="button" onClick={() => void signOut()}>
              {strings.signOut}
            </button>
          </div>
        ) : null}
      </header>
      <div class={sidebar ? 'layout with-sidebar' : 'layout'}>
        {sidebar}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      {helpOpen.value ? <ShortcutsHelp onClose={() => (helpOpen.value = false)} /> : null}
    </div>
  )
}

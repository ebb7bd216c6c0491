import type { RefObject } from 'preact'
import type { Locale, Strings } from '../i18n/index.ts'
import type { Position } from '../options.ts'
import type { WidgetState } from '../state.ts'
import { Launcher } from './launcher.tsx'
import { Panel } from './panel.tsx'

export interface AppProps {
  state: WidgetState
  strings: Strings
  locale: Locale
  position: Position
  launcherRef: RefObject<HTMLButtonElement>
  onClose: () => void
}

/** The whole widget: the launcher, and the panel while it is open. */
export function App({ state, strings, locale, position, launcherRef, onClose }: AppProps) {
  const isOpen = state.isOpen.value
  return (
    <div class={position === 'bottom-left' ? 'root left' : 'root'} lang={locale}>
      <Launcher
        label={strings.launcher}
        expanded={isOpen}
        onClick={isOpen ? onClose : state.open}
        buttonRef={launcherRef}
      />
      {isOpen && <Panel strings={strings} state={state} onClose={onClose} />}
    </div>
  )
}

import { createTriageCore } from '@triage/sdk'
import { createRef, render } from 'preact'
import { App } from './components/app.tsx'
import { pickLocale, resolveStrings } from './i18n/index.ts'
import { createLastReportStore } from './last-report.ts'
import type { WidgetHandle, WidgetOptions } from './options.ts'
import { toPosition } from './options.ts'
import { createWidgetState } from './state.ts'
import { css } from './styles.ts'

/**
 * Constructed stylesheets are not inline styles for CSP, so a strict `style-src` needs no nonce;
 * a `<style>` element is the fallback for browsers without them (Safari < 16.4).
 * @see https://developer.mozilla.org/docs/Web/API/ShadowRoot/adoptedStyleSheets
 */
function addStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    shadow.adoptedStyleSheets = [sheet]
  } else {
    const style = document.createElement('style')
    style.textContent = css
    shadow.append(style)
  }
}

/**
 * Adds the widget to the page: a `<triage-widget>` element at the end of `document.body`,
 * its launcher and panel inside an open shadow root, so page styles and ours never mix.
 *
 * @param options `key` and `endpoint` are required; see {@link WidgetOptions} for the rest.
 * @returns a handle to open, close or remove the widget.
 * @example
 * const widget = mount({ key: 'pk_demo', endpoint: 'https://triage.example.com', locale: 'fr' })
 * document.querySelector('#help')?.addEventListener('click', () => widget.open())
 */
export function mount(options: WidgetOptions): WidgetHandle {
  if (!options.key) throw new TypeError('Triage: mount() needs your publishable key, e.g. mount({ key: "pk_…", endpoint })')
  if (!options.endpoint) throw new TypeError('Triage: mount() needs the Triage API origin, e.g. mount({ key, endpoint: "https://triage.example.com" })')

  const locale = pickLocale(options.locale ?? navigator.language)
  const strings = resolveStrings(locale, options.strings)
  const client = createTriageCore({ endpoint: options.endpoint, key: options.key, fetch: options.fetch })
  const state = createWidgetState({ client, store: createLastReportStore(options.key), onSubmit: options.onSubmit })

  const host = document.createElement('triage-widget')
  const shadow = host.attachShadow({ mode: 'open' })
  addStyles(shadow)
  // Through the CSSOM, not a style attribute: allowed under a strict CSP.
  if (options.color) host.style.setProperty('--triage-color', options.color)
  const container = document.createElement('div')
  shadow.append(container)
  document.body.append(host)

  const launcherRef = createRef<HTMLButtonElement>()
  /** Closes the panel; focus goes back to the launcher only if it was inside the widget. */
  const close = () => {
    const focusWasInside = shadow.activeElement !== null
    state.isOpen.value = false
    if (focusWasInside) launcherRef.current?.focus()
  }

  render(
    <App
      state={state}
      strings={strings}
      locale={locale}
      position={toPosition(options.position)}
      launcherRef={launcherRef}
      onClose={close}
    />,
    container,
  )

  let destroyed = false
  return {
    open() {
      if (!destroyed) state.open()
    },
    close() {
      if (!destroyed) close()
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      render(null, container)
      host.remove()
    },
  }
}

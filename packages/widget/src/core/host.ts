import type { Locale } from '../i18n/locale.ts'
import type { Position } from '../options.ts'
import launcherCss from './launcher.css?raw'

/** The widget's place in the page: its element, shadow root, launcher and the panel's container. */
export interface HostParts {
  host: HTMLElement
  shadow: ShadowRoot
  /** The language picked for the launcher: the panel speaks it too. */
  locale: Locale
  launcher: HTMLButtonElement
  container: HTMLElement
}

/**
 * Adds a stylesheet to the shadow root. Constructed stylesheets are not inline styles for CSP, so a
 * strict `style-src` needs no nonce; a `<style>` element is the fallback (Safari < 16.4).
 * @see https://developer.mozilla.org/docs/Web/API/ShadowRoot/adoptedStyleSheets
 */
export function addStyles(shadow: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet]
  } else {
    const style = document.createElement('style')
    style.textContent = css
    shadow.prepend(style)
  }
}

/**
 * The `<triage-widget>` element at the end of `document.body`, with the launcher button in an open
 * shadow root: plain DOM, so it shows before Preact and the panel have loaded.
 */
export function createHost(options: { label: string; locale: Locale; position: Position; color?: string | undefined }): HostParts {
  const host = document.createElement('triage-widget')
  const shadow = host.attachShadow({ mode: 'open' })
  addStyles(shadow, launcherCss)
  // Through the CSSOM, not a style attribute: allowed under a strict CSP.
  if (options.color) host.style.setProperty('--triage-color', options.color)

  // Carries `lang` and the corner class; the panel renders into `container`, inside it.
  const root = document.createElement('div')
  root.className = options.position === 'bottom-left' ? 'root left' : 'root'
  root.lang = options.locale
  // The widget's words set its direction, not the page's: English on a right-to-left page still
  // reads left to right, and strings in a right-to-left language mirror the (logical) layout.
  root.dir = 'auto'
  const launcher = document.createElement('button')
  launcher.type = 'button'
  launcher.className = 'launcher'
  launcher.dataset['testid'] = 'triage-launcher'
  launcher.setAttribute('aria-haspopup', 'dialog')
  launcher.setAttribute('aria-expanded', 'false')
  launcher.innerHTML =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill-rule="evenodd" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm7 3v6h2V6h-2Zm0 8v2h2v-2h-2Z"/></svg>'
  launcher.append(options.label)
  const container = document.createElement('div')
  root.append(launcher, container)
  shadow.append(root)
  document.body.append(host)
  return { host, shadow, locale: options.locale, launcher, container }
}

/**
 * Entry of `dist/widget.js`, the script-tag loader:
 * `<script async src="…/widget.js" data-key="pk_…"></script>`.
 * It is small and has no framework: it shows the launcher at once and loads the panel
 * (`widget-panel-<locale>.js`, next to its own `src`, with Preact, the SDK and its language's strings) when the browser is idle or on
 * the first open, whichever comes first. Until then `window.Triage` queues the calls. It sets no
 * other global and touches no page handler.
 */
import { attachTo } from './core/attach-to.ts'
import { createHost } from './core/host.ts'
import { launcherLabels, pickLocale } from './i18n/locale.ts'
import type { WidgetHandle } from './options.ts'
import type { AttachPanel, PanelHandle } from './panel/attach-type.ts'
import { panelEvent } from './panel/attach-type.ts'
import type { ScriptOptions } from './script-config.ts'
import { readScriptConfig } from './script-config.ts'

declare global {
  interface Window {
    Triage?: WidgetHandle
  }
}

function start(options: ScriptOptions, base: string, nonce: string | undefined): void {
  if (window.Triage) {
    console.error('Triage: widget.js is on this page twice.')
    return
  }
  const locale = pickLocale(options.locale ?? navigator.language)
  const parts = createHost({ label: launcherLabels[locale], locale, position: options.position, color: options.color })
  const panelUrl = new URL(`widget-panel-${locale}.js`, base).href
  let panel: PanelHandle | undefined
  let loading: Promise<void> | undefined
  let destroyed = false
  /** The panel once it has arrived: calls made before wait on it, and run in order. */
  let arrived!: (handle: PanelHandle) => void
  const ready = new Promise<PanelHandle>((resolve) => (arrived = resolve))

  function load(): Promise<void> {
    loading ??= new Promise<void>((resolve, reject) => {
      const script = document.createElement('script')
      // Under a CSP with script nonces, the panel is allowed by the nonce widget.js came with.
      if (nonce) script.nonce = nonce
      script.src = panelUrl
      // The panel announces itself on its own script element: no global needed.
      script.addEventListener(panelEvent, (event) => {
        if (destroyed) return
        parts.launcher.removeEventListener('click', onLauncher)
        arrived((panel = (event as CustomEvent<AttachPanel>).detail(parts, options)))
        resolve()
      })
      script.onerror = () => {
        loading = undefined
        reject(new Error(`Triage: could not load ${panelUrl}`))
      }
      document.head.append(script)
    })
    return loading
  }
  const call = (action: (handle: PanelHandle) => void, now: boolean) => {
    if (destroyed) return
    void ready.then(action)
    if (now) load().catch((error: Error) => console.error(error.message))
  }
  const onLauncher = () => call((handle) => handle.open(), true)
  parts.launcher.addEventListener('click', onLauncher)
  const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1_500))
  idle(() => void load().catch(() => {}))

  const api: WidgetHandle = {
    open: onLauncher,
    close: () => panel?.close(),
    identify: (user) => call((handle) => handle.identify(user), false),
    prefill: (values) => call((handle) => handle.prefill(values), false),
    attachTo: (target) => attachTo(target, onLauncher),
    destroy() {
      if (destroyed) return
      destroyed = true
      if (panel) panel.destroy()
      else parts.host.remove()
      if (window.Triage === api) delete window.Triage
    },
  }
  window.Triage = api
}

// Read now: `document.currentScript` is only set while this script first runs.
const script = document.currentScript
const config = readScriptConfig(script)
if ('error' in config) console.error(config.error)
else {
  const { src, nonce } = script as HTMLScriptElement
  const run = () => start(config, src, nonce)
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true })
  else run()
}

/**
 * Entry of `dist/widget.js`, the script-tag build:
 * `<script async src="…/widget.js" data-key="pk_…"></script>`.
 * Mounts once the DOM is ready and exposes `window.Triage = { open, close, destroy }`; it sets no
 * other global and touches no page handler.
 */
import { mount } from './mount.tsx'
import type { WidgetHandle, WidgetOptions } from './options.ts'
import { readScriptConfig } from './script-config.ts'

declare global {
  interface Window {
    Triage?: WidgetHandle
  }
}

function start(options: WidgetOptions): void {
  if (window.Triage) {
    console.error('Triage: window.Triage already exists; is widget.js on this page twice?')
    return
  }
  const widget = mount(options)
  const api: WidgetHandle = {
    open: widget.open,
    close: widget.close,
    destroy() {
      widget.destroy()
      if (window.Triage === api) delete window.Triage
    },
  }
  window.Triage = api
}

// Read now: `document.currentScript` is only set while this script first runs.
const config = readScriptConfig(document.currentScript)
if ('error' in config) console.error(config.error)
else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(config), { once: true })
else start(config)

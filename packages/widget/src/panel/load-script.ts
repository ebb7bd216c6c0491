/**
 * Loads one of the widget's own scripts, which hands over what it brings with `event` on its own
 * `<script>` element (no global). Under a CSP with script nonces it goes with `nonce`, the one the
 * loading script came with.
 * @example
 * const attach = await loadScript<AttachPanel>(new URL('widget-panel-fr.js', base).href, nonce, panelEvent)
 */
export function loadScript<T>(src: string, nonce: string | undefined, event: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const script = document.createElement('script')
    if (nonce) script.nonce = nonce
    script.src = src
    script.addEventListener(event, (loaded) => resolve((loaded as CustomEvent<T>).detail))
    script.onerror = () => reject(new Error(`Triage: could not load ${src}`))
    document.head.append(script)
  })
}

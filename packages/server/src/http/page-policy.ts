/**
 * The Content-Security-Policy of a page the server serves: nothing by default, scripts and styles
 * from this origin or inline ones named by their SHA-256 (CSP Level 3 hash sources), data only to
 * this origin, no plugins, no `<base>`, no framing. Hashing the page's own inline blocks keeps the
 * example pages as they are written while any injected script or style is refused.
 *
 * @example
 * c.header('content-security-policy', await pagePolicy(html))
 * @see https://www.w3.org/TR/CSP3/#grammardef-hash-source
 */
export async function pagePolicy(html: string): Promise<string> {
  const hashes = { script: new Set<string>(), style: new Set<string>() }
  for (const [, tag, attributes = '', body = ''] of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
    if (/\bsrc\s*=/i.test(attributes) || body === '') continue
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)))
    hashes[tag?.toLowerCase() === 'style' ? 'style' : 'script'].add(`'sha256-${btoa(String.fromCharCode(...digest))}'`)
  }
  return [
    "default-src 'none'",
    `script-src 'self' ${[...hashes.script].join(' ')}`.trim(),
    `style-src 'self' ${[...hashes.style].join(' ')}`.trim(),
    "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'

/** The inline script of the fixture page: allowed by its hash, as any inline block of a built page. */
const inlineScript = "document.documentElement.dataset['theme'] = 'light'"

/**
 * A stand-in for `packages/console/dist` (which the console's own build makes): a page with one
 * inline script, the entry module, a stylesheet and a lazily loaded chunk, as the server must
 * serve them. Written to `folder`.
 */
export function writeConsoleFixture(folder: string): { html: string; inlineScriptHash: string } {
  mkdirSync(join(folder, 'chunks'), { recursive: true })
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Triage console</title><link rel="stylesheet" href="/console/console.css"><script>${inlineScript}</script><script type="module" src="/console/console.js"></script></head><body><div id="app"></div></body></html>\n`
  writeFileSync(join(folder, 'index.html'), html)
  writeFileSync(join(folder, 'console.js'), "import('./chunks/ticket.js')\n")
  writeFileSync(join(folder, 'console.css'), 'body { margin: 0 }\n')
  writeFileSync(join(folder, 'chunks', 'ticket.js'), 'export const ticket = 1\n')
  return { html, inlineScriptHash: `'sha256-${createHash('sha256').update(inlineScript).digest('base64')}'` }
}

/** What every console answer carries. */
export const consoleSecurityHeaders = {
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
}

/** The page's Content-Security-Policy, with the fixture's inline script allowed by its hash. */
export function consolePagePolicy(inlineScriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${inlineScriptHash}`,
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * The checks both runtimes must pass, against a server serving the fixture: the page on every
 * console route, each file by name with its type, a missing file as 404, all under the headers.
 */
export async function expectConsoleServed(url: string, fixture: { html: string; inlineScriptHash: string }): Promise<void> {
  for (const path of ['/console', '/console/', '/console/invitation', '/console/tickets/INC-000001', '/console/index.html']) {
    const page = await fetch(`${url}${path}`)
    expect(page.status, path).toBe(200)
    expect(page.headers.get('content-type'), path).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy'), path).toBe(consolePagePolicy(fixture.inlineScriptHash))
    for (const [header, value] of Object.entries(consoleSecurityHeaders)) expect(page.headers.get(header), `${path} ${header}`).toBe(value)
    expect(await page.text(), path).toBe(fixture.html)
  }
  for (const [path, type, body] of [
    ['/console/console.js', /^text\/javascript/, "import('./chunks/ticket.js')\n"],
    ['/console/chunks/ticket.js', /^text\/javascript/, 'export const ticket = 1\n'],
    ['/console/console.css', /^text\/css/, 'body { margin: 0 }\n'],
  ] as const) {
    const file = await fetch(`${url}${path}`)
    expect(file.status, path).toBe(200)
    expect(file.headers.get('content-type'), path).toMatch(type)
    expect(file.headers.get('x-content-type-options'), path).toBe('nosniff')
    expect(await file.text(), path).toBe(body)
  }
  for (const path of ['/console/missing.js', '/console/chunks/missing.js', '/console/%2e%2e/package.json', '/console/..%2Fwrangler.toml']) {
    const missing = await fetch(`${url}${path}`)
    expect(missing.status, path).toBe(404)
    expect(missing.headers.get('content-type'), path).toBe('application/problem+json')
  }
}

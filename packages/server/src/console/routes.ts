/**
 * Serves the agents' console (`packages/console`, built into `packages/console/dist`) at
 * `/console`, on Node and Workers alike: each runtime only says how to read a built file.
 *
 * Security headers on every answer: a strict Content-Security-Policy (nothing but this origin's
 * scripts, styles, images and connections; inline blocks of the page only by their SHA-256; no
 * framing, no `<base>`, no plugins; forms only to this origin), no Referer ever sent (an
 * invitation token must not leak), no MIME sniffing, and a browsing context of its own.
 */
import type { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { pagePolicy } from '../http/page-policy.ts'
import { problem } from '../http/problem.ts'

/** A built file of the console. */
export interface ConsoleFile {
  body: ReadableStream<Uint8Array> | ArrayBuffer | string
  contentType: string
}

/** How a runtime reads the console's built files (Node: the folder; Workers: the ASSETS binding). */
export interface ConsoleFiles {
  /** The file of this name (`index.html`, `console.js`, `chunks/x.js`), or undefined when there is none. */
  read(name: string): Promise<ConsoleFile | undefined>
  /** The page's text, every console path's answer; undefined when the console is not built. */
  page(): Promise<string | undefined>
}

const securityHeaders = {
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
} as const

/** File names under /console: letters, digits, `-`, `_`, `.` in path segments, never `..`. */
const fileName = /^(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/

/** Content types of what the console's build makes, by extension. */
export const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  map: 'application/json; charset=utf-8',
}

export function contentTypeOf(name: string): string {
  return contentTypes[name.slice(name.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream'
}

// The page's policy, by its text: the same page is served again and again.
let policyOf: { html: string; policy: string } | undefined

async function pageAnswer(files: ConsoleFiles): Promise<Response> {
  const html = await files.page()
  if (html === undefined)
    return problem('not_found', 404, 'The console is not built here: run npm run build (npm start does it for you), or on Workers build before wrangler deploy.')
  if (policyOf?.html !== html) policyOf = { html, policy: await pagePolicy(html) }
  return new Response(html, {
    headers: { 'content-type': contentTypes['html'] ?? 'text/html', 'content-security-policy': policyOf.policy, 'cache-control': 'no-cache', ...securityHeaders },
  })
}

/**
 * `/console` and everything under it: a built file by its name, else — for a path without an
 * extension, one of the console's own routes — the page; a missing file with an extension is a
 * 404 (a missing chunk must not come back as HTML).
 */
export function serveConsole(app: Hono<AppEnv>, files: ConsoleFiles): void {
  app.get('/console', () => pageAnswer(files))
  app.get('/console/*', async (c) => {
    const name = c.req.path.slice('/console/'.length)
    if (name === '' || name === 'index.html') return pageAnswer(files)
    const last = name.slice(name.lastIndexOf('/') + 1)
    if (last.includes('.')) {
      const file = fileName.test(name) ? await files.read(name) : undefined
      if (file) {
        return new Response(file.body, {
          headers: { 'content-type': file.contentType, 'content-security-policy': "default-src 'none'; frame-ancestors 'none'", 'cache-control': 'no-cache', ...securityHeaders },
        })
      }
      const missing = problem('not_found', 404, `No console file ${name}. Reload the console: it may have been rebuilt.`)
      for (const [header, value] of Object.entries(securityHeaders)) missing.headers.set(header, value)
      return missing
    }
    return pageAnswer(files)
  })
}

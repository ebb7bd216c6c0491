import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportCreated } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { getAs, postReport, startTestServer } from './harness.ts'

// #12.9: browsers never sniff an answer into something else (a JSON body run as a script), and
// the pages the server serves run under a strict Content-Security-Policy.

let server: TestServer
let report: ReportCreated
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 0 })
  report = (await (await postReport(server, server.publishableKey, { symptoms: 'Exports fail' })).json()) as ReportCreated
})
afterAll(() => server.stop())

describe('X-Content-Type-Options', () => {
  it('is nosniff on every kind of answer', async () => {
    const controller = new AbortController()
    const answers = [
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/openapi.json`),
      await fetch(`${server.url}/nope`),
      await fetch(`${server.url}/v1/incidents`),
      await postReport(server, server.publishableKey, { symptoms: 'Another one' }),
      await postReport(server, server.publishableKey, '{broken'),
      await getAs(server, `/v1/reports/${report.id}`, report.reporterToken),
      await fetch(`${server.url}/v1/reports`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } }),
      await fetch(`${server.url}/v1/reports/${report.id}/events?token=${report.reporterToken}`, { signal: controller.signal }),
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/widget.js`),
    ]
    controller.abort()
    for (const answer of answers) expect([answer.url, answer.headers.get('x-content-type-options')]).toEqual([answer.url, 'nosniff'])
  })
})

describe('Content-Security-Policy of the served pages', () => {
  it.each(['/', '/examples/sdk-browser/'])('%s allows only its own scripts and styles, by origin or by hash', async (path) => {
    const page = await fetch(`${server.url}${path}`)
    expect(page.status).toBe(200)
    const policy = page.headers.get('content-security-policy') ?? ''
    const directives = new Map(
      policy.split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/)
        return [name, values]
      }),
    )
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('object-src') ?? directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    for (const name of ['script-src', 'style-src']) {
      const sources = directives.get(name) ?? []
      expect(sources.length).toBeGreaterThan(0)
      for (const source of sources) expect(source).toMatch(/^('self'|'sha256-[A-Za-z0-9+/]+=*')$/)
    }
    // Every inline style and script of the page is one the policy names by hash.
    const html = await page.text()
    const inline = [...html.matchAll(/<(style|script)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/\1>/g)]
    for (const [, tag, body = ''] of inline) {
      const hash = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body))).toString('base64')
      expect(directives.get(`${tag}-src`)).toContain(`'sha256-${hash}'`)
    }
  })

  it('sets no policy on API answers, which are not pages', async () => {
    expect((await fetch(`${server.url}/healthz`)).headers.get('content-security-policy')).toBeNull()
  })
})

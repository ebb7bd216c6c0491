// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createTriageCore, memoryStorage } from '@triage/sdk'
import type { ReportCreate, TriageCore } from '@triage/sdk'
import { breadcrumbs } from '@triage/sdk/breadcrumbs'
import type { BreadcrumbsIntegration, BreadcrumbsOptions } from '@triage/sdk/breadcrumbs'
import { fakeApi, json } from '@triage/testing/fake-api'

let triage: TriageCore | undefined
let crumbs: BreadcrumbsIntegration
const api = fakeApi()
function install(options: BreadcrumbsOptions = {}) {
  crumbs = breadcrumbs(options)
  triage = createTriageCore({ endpoint: 'https://triage.test', key: 'pk_test', fetch: api.fetch, storage: memoryStorage(), integrations: [crumbs] })
  return crumbs
}
const messages = () => crumbs.list().map((crumb) => `${crumb.type}: ${crumb.message}`)

let consoleError: ReturnType<typeof vi.fn>
let consoleWarn: ReturnType<typeof vi.fn>
beforeEach(() => {
  // The host's console, as the SDK finds it.
  consoleError = vi.fn()
  consoleWarn = vi.fn()
  console.error = consoleError as typeof console.error
  console.warn = consoleWarn as typeof console.warn
})
afterEach(() => {
  triage?.close()
  triage = undefined
  vi.unstubAllGlobals()
  history.replaceState(null, '', '/')
  document.body.innerHTML = ''
})

describe('breadcrumbs: console', () => {
  test('records errors and warnings, and the console still gets every call with its arguments', () => {
    install()
    const error = new TypeError('x is undefined')
    console.error('Save failed:', error, { id: 7 })
    console.warn('slow response')
    expect(consoleError).toHaveBeenCalledWith('Save failed:', error, { id: 7 })
    expect(consoleWarn).toHaveBeenCalledWith('slow response')
    expect(crumbs.list()).toMatchObject([
      { type: 'console', level: 'error', message: 'Save failed: TypeError: x is undefined {"id":7}' },
      { type: 'console', level: 'warning', message: 'slow response' },
    ])
  })

  test('scrubs what it records', () => {
    install()
    console.error('GET /api?token=abc failed with Bearer 9f8e7d6c5b4a3928')
    expect(messages()).toEqual(['console: GET /api?token=[redacted:token] failed with Bearer [redacted:token]'])
  })

  test('close() puts the original console methods back', () => {
    install()
    expect(console.error).not.toBe(consoleError)
    triage?.close()
    expect(console.error).toBe(consoleError)
    expect(console.warn).toBe(consoleWarn)
  })

  test('a method wrapped again by another script after us keeps working after close(), and we stop recording', () => {
    install()
    const ours = console.error
    const theirs = vi.fn((...args: unknown[]) => ours(...args))
    console.error = theirs as typeof console.error
    triage?.close()
    expect(console.error).toBe(theirs)
    console.error('still printed')
    expect(consoleError).toHaveBeenCalledWith('still printed')
    expect(crumbs.list()).toEqual([])
  })
})

describe('breadcrumbs: fetch and XHR', () => {
  test('records failed requests with method, scrubbed URL and status; the caller gets the very same response', async () => {
    const notFound = new Response('{}', { status: 404 })
    const pageFetch = vi.fn(async (input: RequestInfo | URL) => (String(input).includes('invoices') ? notFound : new Response('{}')))
    vi.stubGlobal('fetch', pageFetch)
    install()
    const response = await fetch('https://app.test/api/invoices/9?access_token=secret', { method: 'delete' })
    expect(response).toBe(notFound)
    expect(pageFetch).toHaveBeenCalledWith('https://app.test/api/invoices/9?access_token=secret', { method: 'delete' })
    await fetch(new Request('https://app.test/ok'))
    expect(crumbs.list()).toMatchObject([
      { type: 'http', level: 'error', message: 'DELETE https://app.test/api/invoices/9?access_token=[redacted:token] 404', data: { method: 'DELETE', status: 404 } },
    ])
  })

  test('records a network failure and rethrows the same error', async () => {
    const failure = new TypeError('Failed to fetch')
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(failure)),
    )
    install()
    await expect(fetch('https://app.test/api')).rejects.toBe(failure)
    expect(messages()).toEqual(['http: GET https://app.test/api failed'])
  })

  test("leaves out the SDK's own requests", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(500, {})),
    )
    install()
    await fetch('https://triage.test/v1/reports/x')
    expect(crumbs.list()).toEqual([])
  })

  test("records failed XMLHttpRequests; open and send still reach the page's XHR", () => {
    /** An XHR that answers `status` as soon as it is sent. */
    class PageXhr extends EventTarget {
      status = 0
      sent: unknown[] = []
      open(method: string, url: string) {
        this.sent.push(method, url)
      }
      send(body?: unknown) {
        this.sent.push(body)
        this.status = this.sent.includes('/ok') ? 200 : 503
        this.dispatchEvent(new Event('loadend'))
      }
    }
    vi.stubGlobal('XMLHttpRequest', PageXhr)
    install()
    const failed = new PageXhr()
    failed.open('post', '/api/data?key=k')
    failed.send('payload')
    expect(failed.sent).toEqual(['post', '/api/data?key=k', 'payload'])
    const fine = new PageXhr()
    fine.open('GET', '/ok')
    fine.send()
    expect(crumbs.list()).toMatchObject([{ type: 'http', data: { method: 'POST', url: '/api/data?key=[redacted:api_key]', status: 503 } }])
  })

  test('close() puts fetch and XMLHttpRequest back', () => {
    const pageFetch = vi.fn()
    vi.stubGlobal('fetch', pageFetch)
    const { open } = XMLHttpRequest.prototype
    install()
    expect(XMLHttpRequest.prototype.open).not.toBe(open)
    triage?.close()
    expect(globalThis.fetch).toBe(pageFetch)
    expect(XMLHttpRequest.prototype.open).toBe(open)
  })
})

describe('breadcrumbs: navigation, clicks and errors', () => {
  test('records pushState, replaceState and popstate; the URL still changes', () => {
    install()
    history.pushState({ page: 2 }, '', '/invoices?page=2')
    history.replaceState(null, '', '/invoices?page=2&token=t')
    expect(location.pathname + location.search).toBe('/invoices?page=2&token=t')
    expect(history.state).toBeNull()
    history.pushState(null, '', '/settings')
    dispatchEvent(new PopStateEvent('popstate'))
    expect(messages()).toEqual([
      `navigation: ${location.origin}/invoices?page=2`,
      `navigation: ${location.origin}/invoices?page=2&token=[redacted:token]`,
      `navigation: ${location.origin}/settings`,
    ])
    expect(crumbs.list()[0]?.data).toEqual({ from: `${location.origin}/`, to: `${location.origin}/invoices?page=2` })
  })

  test("records clicks even when the page stops their propagation, and the page's handler still runs", () => {
    install()
    document.body.innerHTML = '<button id="save" class="primary">Save</button><input type="password" name="pw">'
    const button = document.querySelector('button')
    const onClick = vi.fn((event: Event) => event.stopPropagation())
    button?.addEventListener('click', onClick)
    button?.click()
    const field = document.querySelector('input')
    if (field) field.value = 'hunter2'
    field?.click()
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(messages()).toEqual(['click: button#save.primary "Save"', 'click: input[type=password][name=pw]'])
  })

  test('records uncaught errors with their stack, and unhandled rejections', () => {
    install()
    const error = new Error('boom')
    dispatchEvent(new ErrorEvent('error', { message: 'Uncaught Error: boom', error, filename: 'https://app.test/app.js', lineno: 10, colno: 5 }))
    const rejection = new Event('unhandledrejection') as Event & { reason: unknown }
    rejection.reason = new Error('request timed out')
    dispatchEvent(rejection)
    expect(crumbs.list()).toMatchObject([
      { type: 'error', message: 'Uncaught Error: boom', data: { source: 'https://app.test/app.js:10:5' } },
      { type: 'error', message: 'Unhandled rejection: request timed out' },
    ])
    expect(crumbs.list()[0]?.data?.['stack']).toContain('boom')
  })

  test('each hook can be turned off', () => {
    install({ console: false, clicks: false, navigation: false })
    console.error('not recorded')
    document.body.innerHTML = '<button>x</button>'
    document.querySelector('button')?.click()
    history.pushState(null, '', '/elsewhere')
    expect(crumbs.list()).toEqual([])
  })
})

describe('breadcrumbs in a report', () => {
  test("go into the report's context, bounded, with your own", async () => {
    install({ max: 3 })
    for (const n of [1, 2, 3, 4]) console.warn(`warning ${n}`)
    crumbs.add({ type: 'navigation', message: 'opened the invoice editor', data: { invoice: 'inv_1' } })
    await triage?.report({ symptoms: 'The export button does nothing' })
    const { context } = api.posts().at(-1)!.body as ReportCreate
    expect(context?.breadcrumbs?.map((crumb) => crumb.message)).toEqual(['warning 3', 'warning 4', 'opened the invoice editor'])
    expect(context?.breadcrumbs?.every((crumb) => !Number.isNaN(Date.parse(crumb.at)))).toBe(true)
  })

  test('never throws into the page, even for a breadcrumb it cannot keep', () => {
    install()
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    expect(() => console.error('cyclic', cyclic)).not.toThrow()
    expect(consoleError).toHaveBeenCalledWith('cyclic', cyclic)
  })
})

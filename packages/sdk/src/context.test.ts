// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { createTriageCore, memoryStorage } from '@triage/sdk'
import type { ReportContext, ReportCreate } from '@triage/sdk'
import { fakeApi } from '@triage/testing/fake-api'

afterEach(() => history.replaceState(null, '', '/'))

async function sentContext(options: { app?: { version?: string; environment?: string }; locale?: string } = {}): Promise<ReportContext | undefined> {
  const api = fakeApi()
  const triage = createTriageCore({ endpoint: 'https://triage.test', key: 'pk_test', fetch: api.fetch, storage: memoryStorage(), ...options })
  await triage.report({ symptoms: 'The export button does nothing' })
  triage.close()
  return (api.posts()[0]!.body as ReportCreate).context
}

describe('captured context', () => {
  test('holds the page, device, language, time zone and app, with secrets scrubbed from the URL', async () => {
    history.replaceState(null, '', '/invoices/42?tab=pdf&access_token=ya29.secret&sig=abc')
    const context = await sentContext({ app: { version: '2.4.1', environment: 'staging' }, locale: 'fr-FR' })
    expect(context).toEqual({
      url: `${location.origin}/invoices/42?tab=pdf&access_token=[redacted:token]&sig=[redacted:secret]`,
      userAgent: navigator.userAgent,
      locale: 'fr-FR',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      viewport: { width: innerWidth, height: innerHeight },
      appVersion: '2.4.1',
      environment: 'staging',
    })
  })

  test("takes the browser's language when the app gives none", async () => {
    expect((await sentContext())?.locale).toBe(navigator.language)
  })

  test('cuts fields to the server limits, so an odd page never makes the whole report invalid', async () => {
    history.replaceState(null, '', `/search?q=${'x'.repeat(3_000)}`)
    const context = await sentContext({ app: { version: 'v'.repeat(100) } })
    expect(context?.url).toHaveLength(2_048)
    expect(context?.appVersion).toHaveLength(64)
  })
})

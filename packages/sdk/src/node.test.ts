// Node, no DOM: server-side reporting. Importing the SDK touches no browser global.
import { describe, expect, test } from 'vitest'
import { created } from '@triage/testing/created'
import { createTriage, createTriageCore } from '@triage/sdk'
import { breadcrumbs } from '@triage/sdk/breadcrumbs'
import type { ReportCreate } from '@triage/sdk'
import { fakeApi } from '@triage/testing/fake-api'

describe('in Node', () => {
  test('has no window, and reports with what Node can tell (no page, no viewport)', async () => {
    expect(typeof window).toBe('undefined')
    const api = fakeApi()
    const triage = createTriageCore({ endpoint: 'https://triage.test', key: 'pk_test', fetch: api.fetch, app: { version: '1.0.0', environment: 'worker' } })
    const report = await created(triage.report({ symptoms: 'Nightly export job failed' }))
    expect(report.number).toBe('INC-000001')
    const { context } = api.posts()[0]!.body as ReportCreate
    expect(context).toEqual({
      userAgent: navigator.userAgent,
      locale: navigator.language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      appVersion: '1.0.0',
      environment: 'worker',
    })
  })

  test('keeps its offline queue in memory and sends it on flush()', async () => {
    const api = fakeApi()
    api.down = true
    const triage = createTriage({ endpoint: 'https://triage.test', key: 'pk_test', fetch: api.fetch, retry: { attempts: 1, baseDelayMs: 1 } })
    await expect(triage.report({ symptoms: 'queued in Node' })).resolves.toMatchObject({ status: 'queued' })
    api.down = false
    expect(await triage.flush()).toEqual({ sent: 1, pending: 0 })
  })

  test('breadcrumbs record console errors in Node too, and only DOM hooks stay off', () => {
    const crumbs = breadcrumbs()
    const triage = createTriageCore({ endpoint: 'https://triage.test', key: 'pk_test', fetch: fakeApi().fetch, integrations: [crumbs] })
    const original = console.warn
    console.warn = () => {}
    try {
      triage.close()
      const again = createTriageCore({ endpoint: 'https://triage.test', key: 'pk_test', fetch: fakeApi().fetch, integrations: [crumbs] })
      console.warn('disk almost full')
      again.close()
    } finally {
      console.warn = original
    }
    expect(crumbs.list()).toMatchObject([{ type: 'console', level: 'warning', message: 'disk almost full' }])
  })
})

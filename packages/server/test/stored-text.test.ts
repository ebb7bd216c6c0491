import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportCreated } from '@triage/protocol'
import { newId } from '../src/ids.ts'
import type { NewIncident } from '../src/storage/incidents.ts'
import { findIncident, insertIncidentOnce, listEvents, updateIncidentIfUnchanged } from '../src/storage/incidents.ts'
import type { TestServer } from './harness.ts'
import { postReport, startTestServer } from './harness.ts'

// The HTTP boundary makes every string well-formed; storage does not rely on it. Whatever text a
// service hands it (an engine that cut a string mid-pair, a future route), it writes only what it
// can read back: libSQL aborts the process on a read of text that is not UTF-8 (issue #12).

let server: TestServer
let template: NewIncident

beforeAll(async () => {
  server = await startTestServer()
  const created = (await (await postReport(server, server.publishableKey, { symptoms: 'template report' })).json()) as ReportCreated
  const stored = await findIncident(server.db, 'app_demo', created.id)
  if (!stored) throw new Error('the template report was not stored')
  const { number: _number, ...rest } = stored
  template = rest
})
afterAll(() => server.stop())

describe('storage of text with lone surrogates', () => {
  it('writes a new incident and its events as well-formed text, keeping surrogate pairs', async () => {
    const incident: NewIncident = {
      ...template,
      id: newId('inc'),
      revision: newId('rev'),
      symptoms: 'cut \ud83d mid-pair, kept 😀',
      contactName: 'x\udc00',
      answers: { 'q\ud800': 'a\udbff' },
      context: { deep: { list: ['\ud800'] } },
    }
    const event = { id: newId('evt'), type: 'created', actor: 'rep\ud800', visibility: 'public' as const, data: { body: 'b\udfff', '\ud800': 1 }, at: Date.now() }
    await insertIncidentOnce(server.db, incident, [event])

    const stored = await findIncident(server.db, 'app_demo', incident.id)
    expect(stored).toMatchObject({
      symptoms: 'cut \ufffd mid-pair, kept 😀',
      contactName: 'x\ufffd',
      answers: { 'q\ufffd': 'a\ufffd' },
      context: { deep: { list: ['\ufffd'] } },
    })
    expect(await listEvents(server.db, incident.id)).toMatchObject([{ actor: 'rep\ufffd', data: { body: 'b\ufffd', '\ufffd': 1 } }])
  })

  it('writes changes and their events as well-formed text', async () => {
    const current = await findIncident(server.db, 'app_demo', template.id)
    if (!current) throw new Error('template missing')
    const event = { id: newId('evt'), type: 'message', actor: 'agent', visibility: 'public' as const, data: { body: 'reply \ud800' }, at: Date.now() }
    const updated = await updateIncidentIfUnchanged(server.db, current, { resolution: 'fix \udc00', assignee: 'a\ud800' }, [event], newId('rev'))
    expect(updated).toMatchObject({ resolution: 'fix \ufffd', assignee: 'a\ufffd' })
    const events = await listEvents(server.db, current.id)
    expect(events.at(-1)).toMatchObject({ data: { body: 'reply \ufffd' } })
  })
})

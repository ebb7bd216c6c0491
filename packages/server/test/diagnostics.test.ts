import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DiagnosticsResult, Incident, ReportCreated } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { createOtherApp, getAs, postReport, sendAs, startTestServer } from './harness.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

function diagnostics(query: string, key = server.publishableKey): Promise<Response> {
  return fetch(`${server.url}/v1/diagnostics?${query}`, { headers: { 'x-triage-key': key } })
}

/** A report filed and resolved through the API; `app` is the server (or another app on it) and its keys. */
async function resolvedReport(symptoms: string, publicNote?: string, app: { url: string; publishableKey: string; secretKey: string } = server): Promise<ReportCreated> {
  const created = (await (await postReport({ url: app.url }, app.publishableKey, { symptoms })).json()) as ReportCreated
  const resolved = await sendAs(app, 'POST', `/v1/incidents/${created.id}/resolve`, app.secretKey, {
    resolution: 'internal: purged the token table',
    ...(publicNote ? { publicNote } : {}),
  })
  if (resolved.status !== 200) throw new Error(`resolve answered ${resolved.status}`)
  return created
}

describe('GET /v1/diagnostics', () => {
  it('guesses the category and asks its questions in the reporter’s language', async () => {
    const response = await diagnostics(`symptoms=${encodeURIComponent('Je ne peux plus me connecter, mot de passe refusé')}&locale=fr-FR`)
    expect(response.status).toBe(200)
    const result = (await response.json()) as DiagnosticsResult
    expect(result.category).toMatchObject({ value: 'access', label: 'Accès et connexion' })
    expect(result.questions.map((question) => question.id).slice(0, 2)).toEqual(['impact', 'workaround'])
    expect(result.questions[0]?.options?.map((option) => option.value)).toEqual(['me', 'team', 'everyone'])
    expect(result.categories.length).toBeGreaterThanOrEqual(9)
    expect(result.categories.find((category) => category.value === 'billing')?.label).toBe('Facturation et paiements')
  })

  it('takes the category the reporter picked', async () => {
    const result = (await (await diagnostics('symptoms=hello&category=billing&locale=en')).json()) as DiagnosticsResult
    expect(result.category).toMatchObject({ value: 'billing', confidence: 1, label: 'Billing and payments' })
  })

  it('suggests resolved incidents of the same app by their public note only', async () => {
    const fixed = await resolvedReport('Password reset link says it has expired', 'Request a new link: links last 1 hour.')
    await resolvedReport('Password reset email never arrives') // no public note: never shown to reporters
    const other = await createOtherApp(server)
    await resolvedReport('Password reset link expired at once', 'Their fix, not ours', { url: server.url, ...other })

    const result = (await (await diagnostics(`symptoms=${encodeURIComponent('the password reset link has expired')}`)).json()) as DiagnosticsResult
    expect(result.similar.map((match) => match.number)).toEqual([fixed.number])
    expect(result.similar[0]?.publicNote).toBe('Request a new link: links last 1 hour.')
    expect(JSON.stringify(result)).not.toContain('internal: purged')
    expect(JSON.stringify(result)).not.toContain('Their fix')
  })

  it('shows agents similar past incidents with their resolutions on the enriched ticket', async () => {
    const earlier = await resolvedReport('Export to CSV produces an empty file', 'Fixed in 2.3')
    const now = (await (await postReport(server, server.publishableKey, { symptoms: 'CSV export file is empty' })).json()) as ReportCreated
    const ticket = (await (await getAs(server, `/v1/incidents/${now.id}`, server.secretKey)).json()) as Incident
    expect(ticket.similar[0]).toMatchObject({
      id: earlier.id,
      number: earlier.number,
      status: 'resolved',
      resolution: 'internal: purged the token table',
      publicNote: 'Fixed in 2.3',
    })
    expect(ticket.similar.map((match) => match.id)).not.toContain(now.id)
  })

  it('refuses missing symptoms, an unknown parameter and a missing key', async () => {
    expect((await diagnostics('locale=en')).status).toBe(400)
    expect((await diagnostics('symptoms=x&colour=red')).status).toBe(400)
    expect((await fetch(`${server.url}/v1/diagnostics?symptoms=x`)).status).toBe(401)
  })
})

describe('the similar-incident index, bounded', () => {
  let bounded: TestServer
  beforeAll(async () => {
    bounded = await startTestServer({ similarIndexLimit: 2 })
  })
  afterAll(() => bounded.stop())

  const fixes = {
    printing: ['Printing an invoice shows a blank page', 'Printing works again since 4.1.'],
    calendar: ['Calendar sync duplicates every event', 'Duplicates are merged on the next sync.'],
    theme: ['The dark theme resets after logout', 'The theme is now saved with your profile.'],
  } as const

  async function suggestions(symptoms: string): Promise<(string | undefined)[]> {
    const response = await fetch(`${bounded.url}/v1/diagnostics?symptoms=${encodeURIComponent(symptoms)}`, { headers: { 'x-triage-key': bounded.publishableKey } })
    return ((await response.json()) as DiagnosticsResult).similar.map((match) => match.publicNote)
  }

  it("keeps an app's most recently changed incidents; a change brings an older one back", async () => {
    const ids: Record<string, string> = {}
    for (const [name, [symptoms, publicNote]] of Object.entries(fixes)) ids[name] = (await resolvedReport(symptoms, publicNote, bounded)).id
    // Three resolved, room for two: the first one resolved is out of the index.
    expect(await suggestions('printing an invoice gives a blank page')).toEqual([])
    expect(await suggestions('calendar sync duplicates events')).toEqual([fixes.calendar[1]])
    expect(await suggestions('dark theme resets after I log out')).toEqual([fixes.theme[1]])

    // Closing the printing incident changes it: back in, and now the calendar one is the oldest change.
    expect((await sendAs(bounded, 'POST', `/v1/incidents/${ids['printing']}/close`, bounded.secretKey, {})).status).toBe(200)
    expect(await suggestions('printing an invoice gives a blank page')).toEqual([fixes.printing[1]])
    expect(await suggestions('calendar sync duplicates events')).toEqual([])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Incident, IncidentList, ReportCreate, ReportCreated } from '@triage/protocol'
import { groupingStates } from '../src/db/schema.ts'
import type { TestServer } from './harness.ts'
import { createAgentKey, createOtherApp, getAs, postReport, sendAs, startTestServer } from './harness.ts'

const minute = 60_000
let clock = Date.parse('2026-12-01T09:00:00Z')
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ now: () => clock, rateLimitPerMinute: 0 })
})
afterAll(() => server.stop())

/** Sends reports 5 s apart, as a burst; each answer in order. */
async function burst(reports: readonly (string | ReportCreate)[], key = server.publishableKey): Promise<ReportCreated[]> {
  const created: ReportCreated[] = []
  for (const report of reports) {
    const response = await postReport(server, key, typeof report === 'string' ? { symptoms: report } : report)
    expect(response.status).toBe(201)
    created.push((await response.json()) as ReportCreated)
    clock += 5_000
  }
  return created
}

async function incident(id: string, key = server.secretKey): Promise<Incident> {
  const response = await getAs(server, `/v1/incidents/${id}`, key)
  expect(response.status).toBe(200)
  return (await response.json()) as Incident
}

async function parents(created: readonly ReportCreated[], key = server.secretKey): Promise<(string | null)[]> {
  return Promise.all(created.map(async (report) => (await incident(report.id, key)).parentId))
}

/** Moves past the grouping window, so the next burst starts afresh. */
function later(): void {
  clock += 3 * 60 * minute
}

const signingIn = [
  'Login is stuck loading, I cannot sign in',
  'Impossible de me connecter, la page de connexion tourne en boucle',
  'Sign-in page never finishes loading',
  'Connexion impossible, ça charge sans fin',
  'The login button just spins forever',
  "Can't log in, the spinner keeps going",
]
const calls = [
  'Video calls drop after a few seconds',
  'The video call keeps cutting out',
  'Les appels vidéo coupent au bout de quelques secondes',
  'Meetings disconnect right after joining',
  'Video conference fails for all of us',
]

describe('major-incident grouping', () => {
  it('groups an outage told in English and French under one major incident that says why', async () => {
    later()
    const created = await burst(signingIn)
    const [parent] = await parents(created.slice(0, 1))
    expect(parent).not.toBeNull()
    expect(await parents(created)).toEqual(created.map(() => parent))
    const major = await incident(parent as string)
    expect(major).toMatchObject({ isMajor: true, impact: 'high' })
    expect(major.group).toMatchObject({ reports: 6, about: 'signing in' })
    expect(major.group?.words).toEqual(expect.arrayContaining(['login', 'connexion']))
    expect(major.group?.summary).toMatch(/^6 reports in 1 min about signing in: '/)
    expect(major.symptoms).toMatch(/^Major incident: 5 reports in 1 min about signing in: .*\. Like INC-\d+: /)
    const grouped = (await incident(created[0]?.id as string)).timeline.find((event) => event.type === 'grouped')
    expect(grouped?.data.reason).toMatch(/about signing in/)
  })

  it('groups a burst the engine files under two categories, and keeps questions, requests and billing questions out', async () => {
    later()
    const created = await burst([
      'Login is stuck loading, I cannot sign in',
      'How do I change my password?',
      'The login page is very slow and never loads',
      'Please add a remember-me option to the login page',
      'Sign-in page never finishes loading',
      'Why was I charged twice this month?',
      'Impossible de me connecter, la page tourne en boucle',
      "Can't log in, the spinner keeps going",
    ])
    const outage = [0, 2, 4, 6, 7].map((i) => created[i] as ReportCreated)
    expect(new Set(outage.map((report) => report.category)).size).toBeGreaterThan(1)
    const ids = await parents(outage)
    expect(ids[0]).not.toBeNull()
    expect(new Set(ids).size).toBe(1)
    expect(await parents([1, 3, 5].map((i) => created[i] as ReportCreated))).toEqual([null, null, null])
  })

  it('keeps background reports apart while two outages group side by side', async () => {
    later()
    const images = [
      'Images don’t load anywhere in the app',
      'Les images ne s’affichent plus',
      'All pictures show as broken icons',
      'Profile photos and thumbnails are missing',
      'No images load, just grey squares',
    ]
    const background = [
      'The spelling in the welcome email is wrong',
      'Where can I download the desktop app?',
      'I was charged in dollars instead of euros',
      'The onboarding video is too long',
      'Comment supprimer mon compte ?',
    ]
    const interleaved = images.flatMap((text, i) => [text, calls[i] as string, background[i] as string])
    const created = await burst(interleaved)
    const of = (texts: readonly string[]) => parents(texts.map((text) => created[interleaved.indexOf(text)] as ReportCreated))
    const imageParents = new Set(await of(images))
    const callParents = new Set(await of(calls))
    expect(imageParents.size).toBe(1)
    expect(callParents.size).toBe(1)
    expect([...imageParents][0]).not.toBeNull()
    expect([...imageParents][0]).not.toBe([...callParents][0])
    expect(await of(background)).toEqual(background.map(() => null))
  })

  it('never groups reports of two tenants, and never shows one tenant’s major incident to another', async () => {
    later()
    const other = await createOtherApp(server)
    const mine = await burst(signingIn.slice(0, 4))
    const theirs = await burst(signingIn.slice(0, 4), other.publishableKey)
    expect(await parents(mine)).toEqual([null, null, null, null])
    expect(await parents(theirs, other.secretKey)).toEqual([null, null, null, null])
    const [myFifth] = await burst([signingIn[4] as string])
    const [theirFifth] = await burst([signingIn[4] as string], other.publishableKey)
    const myMajor = (await incident(myFifth?.id as string)).parentId
    const theirMajor = (await incident(theirFifth?.id as string, other.secretKey)).parentId
    expect(myMajor).not.toBeNull()
    expect(theirMajor).not.toBeNull()
    expect(myMajor).not.toBe(theirMajor)
    expect(await parents(mine)).toEqual(mine.map(() => myMajor))
    expect(await parents(theirs, other.secretKey)).toEqual(theirs.map(() => theirMajor))
    expect((await incident(myMajor as string)).group?.reports).toBe(5)
    expect((await getAs(server, `/v1/incidents/${theirMajor}`, server.secretKey)).status).toBe(404)
    // Neither can split or merge the other's.
    expect((await sendAs(server, 'POST', `/v1/incidents/${theirFifth?.id}/split`, server.secretKey, {})).status).toBe(404)
    expect((await sendAs(server, 'POST', `/v1/incidents/${myMajor}/merge`, server.secretKey, { from: theirMajor })).status).toBe(404)
  })
})

describe('agents correct grouping, and grouping learns', () => {
  it('splits a report out of its major incident: it stays open when the major is resolved, and its like stays apart from then on', async () => {
    later()
    const stray = 'The onboarding video drops after a few seconds'
    const created = await burst([...calls, stray])
    const majorId = (await incident(created[0]?.id as string)).parentId as string
    const strayReport = created[5] as ReportCreated
    expect((await incident(strayReport.id)).parentId).toBe(majorId)

    const response = await sendAs(server, 'POST', `/v1/incidents/${strayReport.id}/split`, server.secretKey, { reason: 'the onboarding tour, not calls' })
    expect(response.status).toBe(200)
    const split = (await response.json()) as Incident
    expect(split.parentId).toBeNull()
    expect(split.timeline.at(-1)).toMatchObject({ type: 'ungrouped', visibility: 'internal', data: { parentId: majorId, reason: 'the onboarding tour, not calls' } })
    const major = await incident(majorId)
    expect(major.group?.reports).toBe(5)
    expect(major.timeline.at(-1)).toMatchObject({ type: 'ungrouped', data: { reportId: strayReport.id } })
    expect((await sendAs(server, 'POST', `/v1/incidents/${majorId}/resolve`, server.secretKey, { resolution: 'media server restarted' })).status).toBe(200)
    expect((await incident(strayReport.id)).status).toBe('new')

    // The next outage of calls: a report like the split one stays apart, in this app only.
    later()
    const other = await createOtherApp(server)
    const next = await burst([...calls, 'The onboarding tour video drops after a few seconds'])
    const untaught = await burst([...calls, 'The onboarding tour video drops after a few seconds'], other.publishableKey)
    const nextMajor = (await incident(next[0]?.id as string)).parentId
    expect(nextMajor).not.toBeNull()
    expect((await incident(next[5]?.id as string)).parentId).toBeNull()
    expect((await incident(untaught[5]?.id as string, other.secretKey)).parentId).not.toBeNull()
    const [stored] = await server.db.select().from(groupingStates)
    expect(stored?.corrections).toBeGreaterThanOrEqual(1)
  })

  it('merges two major incidents: every report under one, the other resolved as merged, and the next outage told both ways groups as one', async () => {
    later()
    const gantt = [
      'The Gantt view is empty',
      'The Gantt view shows nothing',
      'Gantt view empty for everyone',
      'Our Gantt view is empty since this morning',
      'Gantt view is completely empty',
    ]
    const timeline = [
      'Timeline does not render',
      'The timeline will not render',
      'Timeline not rendering',
      'The project timeline does not render anymore',
      'Timeline fails to render',
    ]
    const created = await burst([...gantt, ...timeline])
    const ganttMajor = (await incident(created[0]?.id as string)).parentId as string
    const timelineMajor = (await incident(created[5]?.id as string)).parentId as string
    expect(ganttMajor).not.toBeNull()
    expect(timelineMajor).not.toBeNull()
    expect(ganttMajor).not.toBe(timelineMajor)

    const response = await sendAs(server, 'POST', `/v1/incidents/${ganttMajor}/merge`, server.secretKey, { from: timelineMajor, reason: 'one outage of the planning view' })
    expect(response.status).toBe(200)
    const merged = (await response.json()) as Incident
    expect(merged.group?.reports).toBe(10)
    expect(merged.timeline.at(-1)).toMatchObject({ type: 'merged', data: { from: timelineMajor, reports: 5 } })
    expect(await parents(created)).toEqual(created.map(() => ganttMajor))
    expect(await incident(timelineMajor)).toMatchObject({ status: 'resolved', parentId: ganttMajor, resolution: expect.stringMatching(/^Merged into major incident INC-/) })
    await sendAs(server, 'POST', `/v1/incidents/${ganttMajor}/resolve`, server.secretKey, { resolution: 'planning service fixed', publicNote: 'The planning view works again.' })
    for (const report of created) expect((await incident(report.id)).status).toBe('resolved')

    later()
    const both = [gantt[0], timeline[0], gantt[1], timeline[1], gantt[2], timeline[2], gantt[3], timeline[3]] as string[]
    const next = await burst(both)
    const nextParents = await parents(next)
    expect(nextParents[0]).not.toBeNull()
    expect(new Set(nextParents)).toEqual(new Set([nextParents[0]]))
    // Another app, untaught, sees two outages of four reports each: no major incident.
    const other = await createOtherApp(server)
    expect(await parents(await burst(both, other.publishableKey), other.secretKey)).toEqual(both.map(() => null))
  })

  it('answers precise problems for corrections that cannot be made', async () => {
    later()
    const created = await burst(signingIn.slice(0, 5))
    const majorId = (await incident(created[0]?.id as string)).parentId as string
    const [loose] = await burst(['The export button does nothing'])
    const expectProblem = async (response: Response, status: number, detail: RegExp) => {
      expect(response.status).toBe(status)
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(((await response.json()) as { detail: string }).detail).toMatch(detail)
    }
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${loose?.id}/split`, server.secretKey), 409, /not grouped/)
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${majorId}/split`, server.secretKey, {}), 409, /is a major incident itself/)
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${created[0]?.id}/split`, server.secretKey, { reason: '' }), 422, /reason/)
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${created[0]?.id}/split`, server.secretKey, { why: 'x' }), 422, /why/)
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${majorId}/merge`, server.secretKey, {}), 422, /from/)
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${majorId}/merge`, server.secretKey, { from: majorId }), 409, /into itself/)
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${majorId}/merge`, server.secretKey, { from: loose?.id }), 409, /is not a major incident/)
    await expectProblem(await sendAs(server, 'POST', `/v1/incidents/${majorId}/merge`, server.secretKey, { from: 'inc_nope' }), 404, /No incident/)
    const malformed = await fetch(`${server.url}/v1/incidents/${majorId}/merge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: '{"from":',
    })
    await expectProblem(malformed, 400, /not valid JSON/)
    expect((await postReport(server, server.publishableKey, { symptoms: 'x' }).then(() => fetch(`${server.url}/v1/incidents/${majorId}/split`, { method: 'POST' }))).status).toBe(
      401,
    )
  })

  it('keeps tiers apart: a key sees a major incident’s reports and corrects them only up to its tier', async () => {
    later()
    const created = await burst(signingIn.slice(0, 5))
    const majorId = (await incident(created[0]?.id as string)).parentId as string
    // The major incident with the specialists (L2), one of its reports with senior staff (L3), the rest at L1.
    expect((await sendAs(server, 'POST', `/v1/incidents/${majorId}/escalate`, server.secretKey, { tier: 'L2', reason: 'outage' })).status).toBe(200)
    expect((await sendAs(server, 'POST', `/v1/incidents/${created[4]?.id}/escalate`, server.secretKey, { tier: 'L3', reason: 'VIP' })).status).toBe(200)
    for (const report of created.slice(0, 4)) expect((await incident(report.id)).tier).toBe('L1')
    const l1 = await createAgentKey(server, 'l1', 'first line')
    const l2 = await createAgentKey(server, 'l2', 'specialist')

    // l1 sees its reports, not their major incident: it can neither split them from it nor merge it.
    expect((await getAs(server, `/v1/incidents/${created[0]?.id}`, l1)).status).toBe(200)
    expect((await getAs(server, `/v1/incidents/${majorId}`, l1)).status).toBe(404)
    expect((await sendAs(server, 'POST', `/v1/incidents/${created[0]?.id}/split`, l1, {})).status).toBe(404)
    expect((await sendAs(server, 'POST', `/v1/incidents/${majorId}/merge`, l1, { from: majorId })).status).toBe(409)
    expect((await incident(created[0]?.id as string)).parentId).toBe(majorId)
    // l2 sees the major incident and the reports up to L2: its explanation counts those only.
    expect(((await (await getAs(server, `/v1/incidents/${majorId}`, l2)).json()) as Incident).group?.reports).toBe(4)
    expect((await incident(majorId)).group?.reports).toBe(5)
    // l2 cannot split the L3 report it cannot see, and can split an L1 one.
    expect((await sendAs(server, 'POST', `/v1/incidents/${created[4]?.id}/split`, l2, {})).status).toBe(404)
    expect((await sendAs(server, 'POST', `/v1/incidents/${created[0]?.id}/split`, l2, {})).status).toBe(200)
  })

  it('documents both corrections in the OpenAPI document, each with an operationId', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId?: string; requestBody?: unknown }>> }
    expect(document.paths['/v1/incidents/{id}/split']?.post?.operationId).toBe('splitIncidentFromMajor')
    expect(document.paths['/v1/incidents/{id}/merge']?.post?.operationId).toBe('mergeMajorIncidents')
    expect(document.paths['/v1/incidents/{id}']?.get).toBeDefined()
    const list = (await (await getAs(server, '/v1/incidents?limit=200', server.secretKey)).json()) as IncidentList
    expect(list.items.some((item) => item.isMajor)).toBe(true)
  })
})

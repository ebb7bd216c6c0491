/**
 * Agents' search (`GET /v1/incidents?q=`) through the full-text index: words in any order, the
 * start of a word, accents and case ignored, the contact's name and e-mail, a ticket number;
 * pages that neither skip nor repeat; never another tenant's tickets; and any text a user types,
 * FTS5's own syntax included, is words, never a query error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IncidentList, ReportCreated } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { createOtherApp, getAs, postReport, sendAs, startTestServer } from './harness.ts'

let server: TestServer
let other: Awaited<ReturnType<typeof createOtherApp>>
const numbers: Record<string, string> = {}

async function report(key: string, symptoms: string, contact?: { name?: string; email?: string }): Promise<ReportCreated> {
  const response = await postReport(server, key, { symptoms, ...(contact ? { contact } : {}) })
  expect(response.status).toBe(201)
  return (await response.json()) as ReportCreated
}

async function search(q: string, key = server.secretKey, extra = ''): Promise<IncidentList> {
  const response = await getAs(server, `/v1/incidents?q=${encodeURIComponent(q)}${extra}`, key)
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()) as IncidentList
}
const numbersOf = (list: IncidentList) => list.items.map((item) => item.number).sort()

beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 0 })
  other = await createOtherApp(server)
  numbers['vpn'] = (await report(server.publishableKey, 'The VPN disconnects every few minutes from home', { name: 'Camille Martin', email: 'camille.martin@example.fr' })).number
  numbers['reseau'] = (await report(server.publishableKey, 'Le réseau Wi-Fi de la salle de réunion ne fonctionne plus')).number
  numbers['printer'] = (await report(server.publishableKey, 'Printer on floor 3 jams on every page')).number
  numbers['otherVpn'] = (await report(other.publishableKey, 'VPN disconnects for our whole team')).number
})
afterAll(() => server.stop())

describe('search', () => {
  it('finds words in any order and the start of a word, ignoring case and accents', async () => {
    expect(numbersOf(await search('disconnects vpn'))).toEqual([numbers['vpn']])
    expect(numbersOf(await search('discon'))).toEqual([numbers['vpn']])
    expect(numbersOf(await search('RESEAU reunion'))).toEqual([numbers['reseau']])
    expect(numbersOf(await search('vpn printer'))).toEqual([])
  })

  it('takes a word of one letter whole, the start of a longer one as a prefix', async () => {
    // The index keeps the starts of words of 2 to 8 letters; `v` alone would merge the match
    // lists of most of the index on every search.
    expect(numbersOf(await search('v'))).toEqual([])
    expect(numbersOf(await search('vp'))).toEqual([numbers['vpn']])
    expect(numbersOf(await search('floor 3 jam'))).toEqual([numbers['printer']])
    expect(numbersOf(await search('disconnect'))).toEqual([numbers['vpn']])
  })

  it("finds the contact's name and e-mail, and a ticket by its number", async () => {
    expect(numbersOf(await search('camille'))).toEqual([numbers['vpn']])
    expect(numbersOf(await search('camille.martin@example.fr'))).toEqual([numbers['vpn']])
    expect(numbersOf(await search(numbers['printer'] ?? ''))).toEqual([numbers['printer']])
    expect(numbersOf(await search(String(Number((numbers['printer'] ?? '').slice(4)))))).toEqual([numbers['printer']])
  })

  it("never shows another app's tickets, even for the same words", async () => {
    expect(numbersOf(await search('vpn'))).toEqual([numbers['vpn']])
    expect(numbersOf(await search('vpn', other.secretKey))).toEqual([numbers['otherVpn']])
  })

  it('reads what users type as words: search syntax, quotes and punctuation never fail', async () => {
    for (const q of ['"', 'vpn"', 'NEAR(vpn printer)', 'symptoms:vpn', 'vpn*', '* OR 1', ')(', 'AND', '%_\\', 'app:x', '"vpn" OR "printer"']) {
      const list = await search(q)
      expect(Array.isArray(list.items), q).toBe(true)
    }
    expect(numbersOf(await search('vpn*'))).toEqual([numbers['vpn']])
    expect(numbersOf(await search('!!! ...'))).toEqual([])
  })

  it('pages through many matches newest first, with no match skipped or repeated', async () => {
    const created: string[] = []
    for (let i = 0; i < 7; i++) created.push((await report(server.publishableKey, `Export to spreadsheet fails, attempt ${i}`)).number)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: IncidentList = await search('spreadsheet', server.secretKey, `&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      // Seven alike make a major incident, whose summary quotes them: it matches too.
      seen.push(...page.items.filter((item) => !item.isMajor).map((item) => item.number))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual([...created].reverse())
  })

  it("follows a ticket's words when they change", async () => {
    const created = await report(server.publishableKey, 'Calendar invites arrive twice')
    const before = await search('calendar')
    expect(numbersOf(before)).toEqual([created.number])
    // Reopened tickets and corrections keep the index in step through the table's triggers.
    const patched = await sendAs(server, 'PATCH', `/v1/incidents/${created.id}`, server.secretKey, { category: 'bug' })
    expect(patched.status).toBe(200)
    expect(numbersOf(await search('calendar'))).toEqual([created.number])
  })
})

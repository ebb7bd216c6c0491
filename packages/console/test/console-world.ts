// A month at the service desk, made through the real API: the console's screens are checked
// (axe, layout) and photographed (`npm run screenshots`) on it. Reports filed "earlier" go through
// the server's clock, so SLA clocks are at risk or breached and the dashboard has days to chart.
import type { ApiKeyCreated, Incident, IncidentList, ReportCreated } from '@triage/protocol'
import type { EphemeralServer } from '@triage/testing/ephemeral-server'
import type { Rgb } from '@triage/testing/png'
import { png } from '@triage/testing/png'

/** A clock the server reads, which a seed can set back to file reports "hours ago". */
export function adjustableClock() {
  let offsetMs = 0
  return {
    now: () => Date.now() + offsetMs,
    /** Runs `work` as if it were `ms` ago. */
    async ago<T>(ms: number, work: () => Promise<T>): Promise<T> {
      offsetMs = -ms
      try {
        return await work()
      } finally {
        offsetMs = 0
      }
    },
  }
}
export type AdjustableClock = ReturnType<typeof adjustableClock>

const minute = 60_000
const hour = 60 * minute

const breadcrumbs = (now: number) => [
  { at: new Date(now - 95_000).toISOString(), type: 'navigation', message: '/billing/invoices' },
  { at: new Date(now - 60_000).toISOString(), type: 'click', message: 'button “Export as PDF”' },
  { at: new Date(now - 58_000).toISOString(), type: 'http', message: 'POST /api/invoices/export 504', level: 'warning', data: { durationMs: 30012 } },
  { at: new Date(now - 12_000).toISOString(), type: 'error', message: 'ExportError: the export timed out' },
]

/** What the SDK captures from a page; the breadcrumbs only where the story has them. */
const context = (now: number, crumbs = false) => ({
  url: 'https://notes.acme.example/billing/invoices',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  appVersion: '4.12.0',
  environment: 'production',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  viewport: { width: 1440, height: 900 },
  ...(crumbs ? { breadcrumbs: breadcrumbs(now) } : {}),
})

/** A picture of the invoices page with its export spinner: what a reporter's screenshot shows. */
function exportScreenshot(): Uint8Array<ArrayBuffer> {
  const page: Rgb = [244, 245, 248]
  const inside = (x: number, y: number, [left, top, right, bottom]: [number, number, number, number]) => x >= left && x < right && y >= top && y < bottom
  return png(320, 200, (x, y) => {
    if (y < 28) return [45, 58, 74] // the app's header
    const ring = Math.hypot(x - 232, y - 120)
    if (ring >= 16 && ring <= 22) return Math.atan2(y - 120, x - 232) < -0.6 ? [34, 81, 204] : [211, 215, 224] // the spinner
    if (inside(x, y, [36, 150, 124, 168])) return [34, 81, 204] // "Export as PDF"
    if (inside(x, y, [36, 60, 196, 68]) || inside(x, y, [36, 80, 268, 86]) || inside(x, y, [36, 96, 180, 102])) return [200, 204, 214] // text
    if (inside(x, y, [20, 44, 300, 184])) return [255, 255, 255] // the card
    return page
  })
}

export interface ConsoleWorld {
  /** A ticket with everything: answers, context, breadcrumbs, two files, a conversation, a similar resolved incident. */
  ticket: ReportCreated
  /** The major incident, with its reports. */
  major: Incident
  /** Reports at risk and breached. */
  atRisk: ReportCreated
  breached: ReportCreated
  /** A colleague's secret key (named Léa): to be on a ticket at the same time. */
  colleagueKey: string
}

/**
 * Files the day's reports through the API (publishable key) and works some of them with the
 * admin key: a resolved incident with a public note (the next one's similar incident), a ticket
 * with a reply and a note, a burst of one outage that opens a major incident, tickets filed hours
 * ago whose first-response clock is at risk or breached.
 */
export async function seedConsoleWorld(server: EphemeralServer, clock: AdjustableClock): Promise<ConsoleWorld> {
  const report = async (symptoms: string, extra: Record<string, unknown> = {}): Promise<ReportCreated> => {
    const response = await fetch(`${server.url}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-triage-key': server.publishableKey },
      body: JSON.stringify({
        symptoms,
        contact: { name: 'Grace Hopper', email: 'grace@acme.example' },
        context: context(clock.now(), extra['breadcrumbs'] === true),
        ...extra,
        breadcrumbs: undefined,
      }),
    })
    if (response.status !== 201) throw new Error(`report answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as ReportCreated
  }
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as T
  }

  await seedMonth(clock, report, admin, server)

  // Yesterday's export problem, fixed: today's is like it.
  const past = await clock.ago(26 * hour, () => report('Exporting invoices as PDF times out and nothing downloads'))
  await clock.ago(25 * hour, () => admin('POST', `/v1/incidents/${past.id}/messages`, { body: 'We are looking into the export service.', visibility: 'public' }))
  await clock.ago(24 * hour, () =>
    admin('POST', `/v1/incidents/${past.id}/resolve`, {
      resolution: 'Raised the PDF renderer timeout to 60 s',
      publicNote: 'Fixed: exports of long invoices work again. Please try once more.',
    }),
  )

  // Filed hours ago: first response at risk (75 % of 3 h used), and breached.
  const breached = await clock.ago(3 * hour + 20 * minute, () => report('I was charged twice for my subscription this month', { answers: { impact: 'me' } }))
  const atRisk = await clock.ago(2 * hour + 25 * minute, () => report('The notification e-mails arrive with a day of delay'))
  // Other traffic just before the outage (grouping weighs an outage's words against its window's reports).
  const recent = [
    'The dark mode setting does not stay on after I sign out',
    'Where can I download all my data?',
    'The calendar does not sync with my phone',
    'Uploading a profile picture fails',
    'I would like an invoice with our VAT number',
    'The mobile app logs me out every hour',
  ]
  for (const [index, symptoms] of recent.entries()) await clock.ago(113 * minute - index * minute, () => report(symptoms))

  // An outage: similar reports close together open a major incident.
  // People paste the error they see: the same words each time (grouping across wordings is the engine's own test).
  const outage = Array.from({ length: 6 }, () => 'Checkout payment page fails with an error 502')
  // A minute apart, an hour and three quarters ago: a burst as it comes in, now at risk of its
  // first-response target (2 h for a P2). Every write of the seed goes in time order, as a real
  // server's do.
  for (const [index, symptoms] of outage.entries()) await clock.ago(105 * minute - index * minute, () => report(symptoms, { answers: { impact: 'everyone' } }))
  await clock.ago(90 * minute, () => report('How do I add a colleague to my workspace?'))
  await clock.ago(40 * minute, () => report('Search does not find notes I wrote last week'))
  // The ticket the screenshots open: answers, context, breadcrumbs, two files, a reply and a note.
  const ticket = await report('When I export my invoices as PDF the page spins for a minute, then nothing downloads. It worked last week.', {
    answers: { impact: 'team', workaround: 'no' },
    breadcrumbs: true,
  })
  // The reporter's screenshot of the stuck export, and the app's log, as the widget sends them.
  for (const file of [
    new File([exportScreenshot()], 'export-spinning.png', { type: 'image/png' }),
    new File(['10:41:07 POST /api/invoices/export\n10:41:37 504 Gateway Timeout (30012 ms)\n10:42:19 ExportError: the export timed out\n'], 'console.log', { type: 'text/plain' }),
  ]) {
    const form = new FormData()
    form.append('file', file)
    const response = await fetch(`${server.url}/v1/reports/${ticket.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${ticket.reporterToken}` }, body: form })
    if (response.status !== 201) throw new Error(`attaching ${file.name} answered ${response.status}: ${await response.text()}`)
  }
  await admin('PATCH', `/v1/incidents/${ticket.id}`, { assignee: 'Lea' }).catch(() => undefined)
  await admin('POST', `/v1/incidents/${ticket.id}/messages`, { body: 'Sorry about that. Does it happen with every invoice, or only long ones?', visibility: 'public' })
  await admin('POST', `/v1/incidents/${ticket.id}/messages`, {
    body: 'Looks like yesterday’s renderer timeout again: check the export queue before answering.',
    visibility: 'internal',
  })

  const majorId = (await admin<IncidentList>('GET', '/v1/incidents?view=major')).items[0]?.id
  if (!majorId) throw new Error('the outage did not open a major incident')
  await admin('PATCH', `/v1/incidents/${majorId}`, { publicTitle: 'Payments fail at checkout' })
  await admin('POST', `/v1/incidents/${majorId}/messages`, { body: 'The payment provider is failing; we are switching to the backup.', visibility: 'internal' })
  const major = await admin<Incident>('GET', `/v1/incidents/${majorId}`)
  const colleagueKey = (await admin<ApiKeyCreated>('POST', '/v1/admin/keys', { kind: 'secret', role: 'l2', name: 'Léa' })).key
  return { ticket, major, atRisk, breached, colleagueKey }
}

/** What people reported over the month, in turn, with the category an agent would give it. */
const everyday: [string, string][] = [
  ['I cannot log in: the password reset link has expired', 'access'],
  ['The invoice PDF shows the wrong VAT rate', 'billing'],
  ['The app is very slow when opening a large notebook', 'performance'],
  ['Notes I wrote yesterday are missing', 'data_loss'],
  ['The sync with my phone stopped working', 'bug'],
  ['How do I share a notebook with a colleague?', 'how_to'],
  ['I get no e-mail when someone mentions me', 'notifications'],
  ['The page stays blank after I sign in', 'bug'],
  ['I was charged for a plan I cancelled', 'billing'],
  ['Please add my colleague to our workspace', 'how_to'],
]

/**
 * Four weeks before yesterday, a few reports each: answered after minutes to hours, most resolved within the
 * day, categories corrected by an agent where the engine erred (the classifier's accuracy), and some problems solved
 * by a suggested note before any ticket (deflections). Written in time order, like a real server's.
 */
async function seedMonth(
  clock: AdjustableClock,
  report: (symptoms: string) => Promise<ReportCreated>,
  admin: <T>(method: string, path: string, body?: unknown) => Promise<T>,
  server: EphemeralServer,
): Promise<void> {
  const day = 24 * hour
  const steps: { ago: number; run: () => Promise<unknown> }[] = []
  const filed = new Map<string, ReportCreated>()
  let fixedNumber: string | undefined
  for (let daysAgo = 29; daysAgo >= 2; daysAgo--) {
    const perDay = 2 + ((daysAgo * 7) % 4)
    for (let index = 0; index < perDay; index++) {
      const key = `${daysAgo}-${index}`
      const at = daysAgo * day - (9 * hour + index * 100 * minute)
      const [symptoms, category] = everyday[(daysAgo + index * 3) % everyday.length] ?? ['', '']
      steps.push({ ago: at, run: async () => filed.set(key, await report(symptoms)) })
      const id = () => filed.get(key)?.id ?? ''
      const answeredAfter = (15 + ((daysAgo * 13 + index * 29) % 170)) * minute
      steps.push({ ago: at - answeredAfter, run: () => admin('POST', `/v1/incidents/${id()}/messages`, { body: 'Thanks, we are looking into it.', visibility: 'public' }) })
      // The agent corrects the category where the engine read it otherwise (which teaches it).
      steps.push({ ago: at - answeredAfter - minute, run: async () => (filed.get(key)?.category === category ? undefined : admin('PATCH', `/v1/incidents/${id()}`, { category })) })
      if ((daysAgo * 3 + index) % 9 !== 0) {
        const resolvedAfter = answeredAfter + (1 + ((daysAgo * 5 + index * 7) % 22)) * hour
        steps.push({
          ago: at - resolvedAfter,
          run: async () => {
            await admin('POST', `/v1/incidents/${id()}/resolve`, { resolution: 'Fixed on our side', publicNote: 'Fixed: it works again. Thank you for telling us.' })
            fixedNumber ??= filed.get(key)?.number
          },
        })
      }
    }
    for (let deflected = 0; deflected < daysAgo % 3; deflected++) {
      steps.push({
        ago: daysAgo * day - (14 * hour + deflected * hour),
        run: async () => {
          if (!fixedNumber) return
          const response = await fetch(`${server.url}/v1/deflections`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-triage-key': server.publishableKey },
            body: JSON.stringify({ number: fixedNumber }),
          })
          if (response.status !== 201) throw new Error(`a deflection answered ${response.status}: ${await response.text()}`)
        },
      })
    }
  }
  // What would fall after the day's own story begins (26 h ago) is left out: still open.
  for (const step of steps.filter((step) => step.ago > 26 * hour).sort((a, b) => b.ago - a.ago)) await clock.ago(step.ago, step.run)
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DiagnosticsResult, Incident, Problem, ReportCreate, ReportCreated, ReportView } from '@triage/protocol'
import { categoryNames } from '@triage/protocol'
import type { TestServer } from './harness.ts'
import { getAs, postReport, sendAs, startTestServer } from './harness.ts'

// The reporter's journey as the API serves it (issue #14): the category they chose, the promise
// that follows the ticket, a closed ticket that takes no message, and what agents read of it.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

async function report(body: ReportCreate): Promise<ReportCreated> {
  const response = await postReport(server, server.publishableKey, body)
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()) as ReportCreated
}
async function incident(id: string, language?: string): Promise<Incident> {
  const headers: Record<string, string> = { authorization: `Bearer ${server.secretKey}` }
  if (language) headers['accept-language'] = language
  return (await (await fetch(`${server.url}/v1/incidents/${id}`, { headers })).json()) as Incident
}
async function view(created: ReportCreated): Promise<ReportView> {
  return (await (await getAs(server, `/v1/reports/${created.id}`, created.reporterToken)).json()) as ReportView
}
async function agentDoes(id: string, action: string, body: object): Promise<void> {
  const response = await sendAs(server, 'POST', `/v1/incidents/${id}/${action}`, server.secretKey, body)
  expect(response.status, await response.clone().text()).toBe(200)
}
async function diagnose(symptoms: string, locale = 'en'): Promise<DiagnosticsResult> {
  const query = new URLSearchParams({ symptoms, locale })
  return (await (await fetch(`${server.url}/v1/diagnostics?${query}`, { headers: { 'x-triage-key': server.publishableKey } })).json()) as DiagnosticsResult
}

describe("the reporter's category", () => {
  it('is the category, marked as theirs, with the engine’s own guess and confidence in the reasoning', async () => {
    const created = await report({ symptoms: 'The app crashes with an error when I open the settings page', category: 'billing', answers: { billing_problem: 'wrong_amount' } })
    expect(created.category).toBe('billing')
    const ticket = await incident(created.id)
    expect(ticket).toMatchObject({ category: 'billing', categorySource: 'reporter' })
    expect(ticket.reasoning.category.guess?.value).toBe('bug')
    expect(ticket.reasoning.category.guess?.confidence).toBeGreaterThan(0)
    expect(ticket.reasoning.category.reasons.join(' ')).toMatch(/picked by the reporter.*engine.*bug/)
    expect((await view(created)).category).toBe('billing')
  })

  it('is what an agent’s confirmation teaches the classifier when the engine guessed otherwise', async () => {
    const symptoms = 'The mobile app shows the wrong currency on my invoice page'
    const first = await report({ symptoms, category: 'how_to' })
    const guessed = (await incident(first.id)).reasoning.category.guess?.value
    expect(guessed).not.toBe('how_to')
    // The agent agrees with the reporter: the category stays, the classifier learns it.
    const patched = await sendAs(server, 'PATCH', `/v1/incidents/${first.id}`, server.secretKey, { category: 'how_to' })
    expect(((await patched.json()) as Incident).categorySource).toBe('agent')
    const next = await report({ symptoms: 'The mobile app shows the wrong currency on my invoice page again' })
    expect(next.category).toBe('how_to')
    // The widget's pre-selection is the same engine's guess: it has learned too.
    expect((await diagnose('The mobile app shows the wrong currency on my invoice page again')).category.value).toBe('how_to')
  })

  it('yields to an agent’s correction, which teaches the classifier', async () => {
    const first = await report({ symptoms: 'The badge scanner at the lobby door beeps red', category: 'how_to' })
    expect((await incident(first.id)).categorySource).toBe('reporter')
    const corrected = await sendAs(server, 'PATCH', `/v1/incidents/${first.id}`, server.secretKey, { category: 'access' })
    expect((await corrected.json()) as Incident).toMatchObject({ category: 'access', categorySource: 'agent' })
    expect((await report({ symptoms: 'The badge scanner at the lobby door beeps red again' })).category).toBe('access')
  })
})

describe('category names', () => {
  it('are the same in the diagnosis and in the agent’s view, in each language', async () => {
    for (const locale of ['en', 'fr'] as const) {
      const result = await diagnose('I cannot sign in', locale)
      expect(result.category.label).toBe(categoryNames[locale].access)
      for (const category of result.categories) expect(category.label).toBe(categoryNames[locale][category.value])
    }
    const created = await report({ symptoms: 'I cannot sign in, my password is refused' })
    expect((await incident(created.id)).categoryLabel).toBe(categoryNames.en[created.category])
    expect((await incident(created.id, 'fr-FR,fr;q=0.9')).categoryLabel).toBe(categoryNames.fr[created.category])
  })
})

describe('activity the reporter did not do', () => {
  it('is a security signal in English and in French: high urgency and the breach checks', async () => {
    for (const [symptoms, locale] of [
      ['I cannot log in to my account since this morning', 'en-GB'],
      ['Je n’arrive plus à me connecter à mon compte depuis ce matin', 'fr-FR'],
    ] as const) {
      const created = await report({
        symptoms,
        category: 'access',
        answers: { impact: 'me', access_problem: 'error_message', access_unknown_activity: 'yes' },
        context: { locale },
      })
      const ticket = await incident(created.id)
      expect(ticket.category, symptoms).toBe('security')
      expect(ticket.urgency).toBe('high')
      expect(['P1', 'P2']).toContain(ticket.priority)
      expect(ticket.reasoning.breach?.reasons.join(' ')).toMatch(/activity they did not do/)
      expect(ticket.reasoning.breach?.checklist.length).toBeGreaterThan(0)
      expect(created.category).toBe('security')
    }
  })
})

describe("the reporter's promise", () => {
  it('speaks of the first answer, then of resolution, and is gone once resolved or closed', async () => {
    const created = await report({ symptoms: 'The export button does nothing', category: 'bug', answers: { impact: 'me', workaround: 'yes' } })
    expect((await view(created)).slaPromise).toBe('we answer within 3 hours')
    await agentDoes(created.id, 'messages', { body: 'Which browser?', visibility: 'public' })
    expect((await view(created)).slaPromise).toBe('we aim to fix it within 3 days')
    await agentDoes(created.id, 'resolve', { resolution: 'fixed', publicNote: 'Fixed in 2.4.1.' })
    expect((await view(created)).slaPromise).toBeNull()
    await sendAs(server, 'POST', `/v1/reports/${created.id}/confirm`, created.reporterToken)
    expect((await view(created)).slaPromise).toBeNull()
  })

  it('is in the reporter’s language', async () => {
    const created = await report({ symptoms: 'Le bouton export ne fait rien', category: 'bug', context: { locale: 'fr-FR' }, answers: { impact: 'team', workaround: 'no' } })
    expect((await view(created)).slaPromise).toBe('nous répondons sous 2 heures')
    await agentDoes(created.id, 'messages', { body: 'Quel navigateur ?', visibility: 'public' })
    expect((await view(created)).slaPromise).toBe('nous visons une solution sous 8 heures')
  })
})

describe('a message from the reporter', () => {
  it('on a closed ticket is refused with 409 and the way on: reopen', async () => {
    const created = await report({ symptoms: 'The export button does nothing' })
    await agentDoes(created.id, 'resolve', { resolution: 'fixed' })
    await agentDoes(created.id, 'close', {})
    const response = await sendAs(server, 'POST', `/v1/reports/${created.id}/messages`, created.reporterToken, { body: 'It is broken again' })
    expect(response.status).toBe(409)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await response.json()) as Problem
    expect(problem).toMatchObject({ code: 'conflict', allowed: ['reopen'] })
    expect(problem.detail).toMatch(/reopen/i)
    const after = await view(created)
    expect(after.status).toBe('closed')
    expect(after.timeline.some((event) => event.body === 'It is broken again')).toBe(false)
  })

  it('on a resolved ticket reopens it, so someone reads it', async () => {
    const created = await report({ symptoms: 'The export button does nothing' })
    await agentDoes(created.id, 'resolve', { resolution: 'fixed', publicNote: 'Fixed.' })
    const response = await sendAs(server, 'POST', `/v1/reports/${created.id}/messages`, created.reporterToken, { body: 'Still failing with big files' })
    expect(response.status).toBe(200)
    const after = (await response.json()) as ReportView
    expect(after.status).toBe('in_progress')
    expect(after.timeline.map((event) => event.type).slice(-2)).toEqual(['message', 'reopened'])
    const ticket = await incident(created.id)
    expect(ticket).toMatchObject({ status: 'in_progress', resolvedAt: null })
  })
})

describe("the reporter's view", () => {
  it('shows each status change once', async () => {
    const created = await report({ symptoms: 'The export button does nothing' })
    await agentDoes(created.id, 'messages', { body: 'Looking', visibility: 'public' })
    await agentDoes(created.id, 'resolve', { resolution: 'fixed', publicNote: 'Fixed.' })
    await sendAs(server, 'POST', `/v1/reports/${created.id}/reopen`, created.reporterToken)
    await agentDoes(created.id, 'resolve', { resolution: 'fixed again' })
    await agentDoes(created.id, 'close', {})
    const { timeline, timelineLength } = await view(created)
    expect(timeline.map((event) => (event.type === 'status_changed' ? `status:${event.status}` : event.type))).toEqual([
      'created',
      'message',
      'status:in_progress',
      'resolved',
      'reopened',
      'resolved',
      'closed',
    ])
    expect(timelineLength).toBe(timeline.length)
    const since = (await (await getAs(server, `/v1/reports/${created.id}?since=5`, created.reporterToken)).json()) as ReportView
    expect(since.timeline.map((event) => event.type)).toEqual(['resolved', 'closed'])
  })

  it('carries the first words of the report, and says whether replies also come by e-mail', async () => {
    const long = `The invoice export button does nothing at all, whatever the month I pick, and I have tried three browsers already`
    const created = await report({ symptoms: long, contact: { email: 'ada@example.com' } })
    expect(created.summary).toBe('The invoice export button does nothing at all, whatever the month I pick, and I…')
    expect((await view(created)).summary).toBe(created.summary)
    // This server sends no e-mail (no SMTP_URL): replies come in the widget only.
    expect(created.emailUpdates).toBe(false)
    expect((await view(created)).emailUpdates).toBe(false)
  })
})

describe("the agent's enriched ticket", () => {
  it('gives each answer as question text and answer label in the agent’s language, next to the raw id', async () => {
    const created = await report({
      symptoms: 'I forgot my password',
      category: 'access',
      answers: { impact: 'me', access_problem: 'forgot_password', access_error_text: 'none', my_own_question: 'kept' },
    })
    const english = await incident(created.id)
    expect(english.answers).toMatchObject({ access_problem: 'forgot_password' })
    expect(english.answerDetails).toEqual(
      expect.arrayContaining([
        { questionId: 'access_problem', question: 'What happens when you try to sign in?', value: 'forgot_password', answer: 'I forgot my password' },
        { questionId: 'impact', question: expect.stringMatching(/affected/), value: 'me', answer: expect.any(String) },
        { questionId: 'my_own_question', question: 'my_own_question', value: 'kept', answer: 'kept' },
      ]),
    )
    const french = await incident(created.id, 'fr')
    expect(french.answerDetails.find((detail) => detail.questionId === 'access_problem')).toEqual({
      questionId: 'access_problem',
      question: 'Que se passe-t-il quand vous essayez de vous connecter ?',
      value: 'forgot_password',
      answer: 'J’ai oublié mon mot de passe',
    })
  })
})

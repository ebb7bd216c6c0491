import { describe, expect, it } from 'vitest'
import { identify } from './identify.ts'
import { triage } from './triage.ts'

describe('identify', () => {
  it('tells a request from an incident', () => {
    expect(identify('Could you give me access to the billing page? I would like to see invoices').value).toBe('request')
    expect(identify('The checkout crashes with an error').value).toBe('incident')
    expect(identify('Pourriez-vous ajouter un export PDF ? Je voudrais partager mes rapports').value).toBe('request')
  })

  it("reads a title starting with can't or don't as a complaint, not a question", () => {
    expect(identify("Can't stay in a call, it disconnects immediately").value).toBe('incident')
    expect(identify('Can’t complete my order, the payment page errors out').value).toBe('incident')
    expect(identify("Don't see my invoices anymore").value).toBe('incident')
    expect(identify('Can I pay by bank transfer?').value).toBe('request')
  })
})

describe('triage', () => {
  it('routes a security report to L3 with its reasons', () => {
    const reasoning = triage({ symptoms: 'My account was hacked, someone changed my e-mail' })
    expect(reasoning.category.value).toBe('security')
    expect(reasoning.tier.value).toBe('L3')
    expect(reasoning.priority.reasons.length).toBeGreaterThan(0)
  })

  it('sends a P1 straight to L3 and keeps a quiet P3 at L1', () => {
    expect(triage({ symptoms: 'Checkout is broken', answers: { impact: 'everyone', workaround: 'no' } }).tier.value).toBe('L3')
    expect(triage({ symptoms: 'A button label is misaligned, a bug' }).tier.value).toBe('L1')
  })

  it('takes the category the reporter picked when the taxonomy knows it', () => {
    expect(triage({ symptoms: 'something odd', category: 'billing' }).category).toMatchObject({ value: 'billing', confidence: 1 })
    expect(triage({ symptoms: 'something odd', category: 'nonsense' }).category.value).not.toBe('nonsense')
  })

  it('keeps its own guess beside the reporter’s pick, so agents see where they disagree', () => {
    const category = triage({ symptoms: 'The app crashes with an error when I open the settings', category: 'billing' }).category
    expect(category).toMatchObject({ value: 'billing', guess: { value: 'bug' } })
    expect(category.guess?.confidence).toBeGreaterThan(0)
    expect(category.reasons).toEqual(['picked by the reporter', expect.stringMatching(/^the engine read bug \(confidence (1|0\.\d+)\)$/)])
    expect(triage({ symptoms: 'The app crashes with an error' }).category.guess).toBeUndefined()
  })
})

describe('triage of activity the reporter did not do', () => {
  it.each([
    ['I cannot log in since this morning', { access_unknown_activity: 'yes' }],
    ['Je ne peux plus me connecter depuis ce matin', { access_unknown_activity: 'yes' }],
    ['I did not get the invoice e-mail', { notifications_unexpected: 'yes' }],
    ['Je ne reçois plus les e-mails de facture', { notifications_unexpected: 'yes' }],
  ])('files "%s" with %o as a possible takeover: security, breach checks, high urgency', (symptoms, answers) => {
    const reasoning = triage({ symptoms, category: 'access', answers: { impact: 'me', workaround: 'yes', ...answers } })
    expect(reasoning.category.value).toBe('security')
    expect(reasoning.priority.urgency).toBe('high')
    expect(reasoning.breach?.checklist.length).toBeGreaterThan(0)
  })

  it('raises the urgency of any answer that points to security, whatever the category', () => {
    const reasoning = triage({ symptoms: 'The document list looks odd', category: 'bug', answers: { impact: 'me', workaround: 'yes', data_loss_someone_else: 'yes' } })
    expect(reasoning.category.value).toBe('bug')
    expect(reasoning.priority.urgency).toBe('high')
    expect(reasoning.priority.reasons).toContain('urgency high: someone else may have accessed the account')
    const quiet = triage({ symptoms: 'How do I export my notes?', category: 'how_to', answers: { impact: 'me', notifications_unexpected: 'no' } })
    expect(quiet.priority.urgency).toBe('low')
  })
})

describe('triage of a possible breach', () => {
  it('files "mon compte a été piraté" under security, P1, L3 with the 72-hour clock', () => {
    const createdAt = Date.UTC(2026, 10, 28, 9)
    const reasoning = triage({ symptoms: 'Mon compte a été piraté, quelqu’un a changé mon e-mail', answers: { impact: 'me', workaround: 'yes' }, createdAt })
    expect(reasoning.category.value).toBe('security')
    expect(reasoning.priority).toMatchObject({ value: 'P1', impact: 'high', urgency: 'high' })
    expect(reasoning.tier.value).toBe('L3')
    expect(reasoning.breach?.notifyBy).toBe(new Date(createdAt + 72 * 3_600_000).toISOString())
    expect(reasoning.breach?.checklist.length).toBeGreaterThan(0)
  })

  it('does not treat a forgotten password as a breach', () => {
    const reasoning = triage({ symptoms: 'I forgot my password and I am locked out' })
    expect(reasoning.breach).toBeUndefined()
    expect(reasoning.priority.value).not.toBe('P1')
  })
})

describe('triage with diagnostic answers', () => {
  it('lets an answer point the category', () => {
    const plain = triage({ symptoms: 'The app shows nothing at all' })
    const answered = triage({ symptoms: 'The app shows nothing at all', answers: { security_what: 'phishing' } })
    expect(plain.category.value).not.toBe('security')
    expect(answered.category.value).toBe('security')
    expect(answered.category.reasons).toContain('the reporter describes a security threat')
  })
})

describe('identify on raw issue text', () => {
  it('reads the title first: a question or a wish in the title is a request even if the body quotes errors', () => {
    expect(identify('How do I configure the proxy?\n\nI get error 407 when I try').value).toBe('request')
    expect(identify('Feature request: allow exporting to PDF\n\nExporting fails today because there is no option').value).toBe('request')
    expect(identify('App crashes on start\n\nTraceback (most recent call last): ...').value).toBe('incident')
  })
})

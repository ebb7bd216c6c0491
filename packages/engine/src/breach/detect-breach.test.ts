import { describe, expect, it } from 'vitest'
import { treeFor } from '../diagnosis/localize.ts'
import { validateAnswers } from '../diagnosis/validate-answers.ts'
import { breachChecklist } from './checklist.ts'
import { detectBreach } from './detect-breach.ts'

const createdAt = Date.UTC(2026, 10, 28, 9, 0)
const detect = (text: string, answers?: Record<string, string>) => detectBreach(answers ? { text, createdAt, answers } : { text, createdAt })

describe('detectBreach', () => {
  it.each([
    'My account was hacked',
    'Someone else logged in to my account last night',
    'someone logged into my account from Brazil',
    'I think we had a data breach: customer emails are on a forum',
    'Our customer list was leaked',
    'My password was compromised',
    'Account takeover: I can no longer change anything',
    'I can’t log in and someone changed my password',
    'Unauthorized access to our admin panel',
    'Mon compte a été piraté',
    'Il y a une fuite de données clients',
    'Usurpation d’identité sur mon compte',
    'Quelqu’un s’est connecté à mon compte cette nuit',
    'Quelqu’un d’autre a accédé à mon compte',
    'Mes identifiants ont été volés',
  ])('flags “%s”', (text) => {
    expect(detect(text).breach).toBe(true)
  })

  it.each([
    'I forgot my password',
    'I am locked out of my account after three attempts',
    'J’ai oublié mon mot de passe',
    'Mon compte est bloqué',
    'The password reset e-mail never arrives',
    'There is a memory leak: the tab grows to 2 GB',
    'The SLA was breached on my last ticket',
    'Someone else on my team cannot log in either',
    'I hacked around it with a page refresh',
    'I was not hacked, I just forgot my password',
    'I don’t think I was hacked, but the login page is slow',
    'Je n’ai pas été piraté, je ne retrouve pas mon identifiant',
    'There was no data breach, only a typo on the invoice',
  ])('does not flag “%s”', (text) => {
    expect(detect(text)).toEqual({ breach: false })
  })

  it('starts the GDPR 72-hour clock from the report and gives the checklist in both languages', () => {
    const decision = detect('My account was hacked')
    expect(decision).toMatchObject({ breach: true, notifyBy: createdAt + 72 * 3_600_000, checklist: breachChecklist })
    if (!decision.breach) throw new Error('expected a breach')
    expect(decision.checklist.length).toBeGreaterThanOrEqual(5)
    expect(decision.checklist.every((step) => step.en.length > 0 && step.fr.length > 0 && step.en !== step.fr)).toBe(true)
    expect(decision.checklist.some((step) => step.en.includes('72 hours') && step.fr.includes('72 heures'))).toBe(true)
  })

  it('gives each reason once, with the words that raised it', () => {
    const decision = detect('Hacked! My account was hacked and our data was leaked.')
    expect(decision.breach && decision.reasons).toEqual(['says the account was hacked (“hacked”)', 'mentions leaked data (“leaked”)'])
  })

  it('reads answers the security tree can actually give', () => {
    const answers = { security_what: 'data_exposed', security_credentials_entered: 'yes' }
    expect(validateAnswers(treeFor('security'), answers)).toEqual([])
    expect(detect('see answers', answers)).toMatchObject({
      breach: true,
      reasons: ['answered that personal data is exposed', 'answered that they gave their credentials to a phishing message'],
    })
    expect(validateAnswers(treeFor('security'), { security_what: 'someone_else_logged_in' })).toEqual([])
  })

  it('reads the security answers whatever the words', () => {
    expect(detect('see answers', { security_what: 'someone_else_logged_in' })).toMatchObject({ breach: true, reasons: ['answered that the account was taken over'] })
    expect(detect('suspicious e-mail', { security_what: 'phishing', security_credentials_entered: 'yes' }).breach).toBe(true)
    expect(detect('suspicious e-mail', { security_what: 'phishing', security_credentials_entered: 'no' }).breach).toBe(false)
  })
})

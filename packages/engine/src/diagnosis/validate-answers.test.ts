import { limits } from '@triage/protocol'
import { describe, expect, it } from 'vitest'
import { treeFor } from './localize.ts'
import { shortTextMaxLength } from './types.ts'
import { validateAnswers } from './validate-answers.ts'

const security = treeFor('security')

describe('validateAnswers', () => {
  it('accepts well-formed answers, booleans included for yes/no', () => {
    expect(
      validateAnswers(security, { impact: 'team', workaround: 'no', security_what: 'phishing', security_credentials_entered: true, security_noticed_at: 'this morning' }),
    ).toEqual([])
  })

  it('names an unknown question id', () => {
    expect(validateAnswers(security, { favourite_colour: 'blue' })).toEqual([
      expect.objectContaining({ path: 'answers.favourite_colour', questionId: 'favourite_colour', code: 'unknown_question' }),
    ])
  })

  it('refuses an option the question does not offer and lists the allowed ones', () => {
    const [problem] = validateAnswers(security, { impact: 'galaxy' })
    expect(problem).toMatchObject({ path: 'answers.impact', code: 'option_not_allowed', message: 'must be one of “me”, “team”, “everyone”' })
    expect(validateAnswers(security, { workaround: 'maybe' })[0]?.code).toBe('option_not_allowed')
  })

  it('refuses values of the wrong type', () => {
    expect(validateAnswers(security, { impact: 3 })[0]?.code).toBe('wrong_type')
    expect(validateAnswers(security, { workaround: 1 })[0]?.code).toBe('wrong_type')
    expect(validateAnswers(security, { security_noticed_at: false })[0]?.code).toBe('wrong_type')
  })

  it('refuses a text over its length and accepts one at it', () => {
    expect(validateAnswers(security, { security_noticed_at: 'x'.repeat(200) })).toEqual([])
    expect(validateAnswers(security, { security_noticed_at: 'x'.repeat(201) })[0]).toMatchObject({ code: 'too_long', message: 'must be at most 200 characters' })
  })

  it('reports every problem, not only the first', () => {
    expect(validateAnswers(security, { impact: 'galaxy', nope: 'x', workaround: 'maybe' }).map((p) => p.questionId)).toEqual(['impact', 'nope', 'workaround'])
  })

  it('bounds texts like the protocol does', () => {
    expect(shortTextMaxLength).toBe(limits.answerTextChars)
  })
})

import { describe, expect, it } from 'vitest'
import { answerDetails } from './answer-details.ts'

describe('answerDetails', () => {
  it('gives each answer its question and label in the language asked, next to the raw value', () => {
    const answers = { impact: 'team', access_problem: 'forgot_password', access_unknown_activity: true, access_error_text: 'Code 403' }
    expect(answerDetails(answers)).toEqual([
      { questionId: 'impact', question: 'Who is affected?', value: 'team', answer: 'My team or several people' },
      { questionId: 'access_problem', question: 'What happens when you try to sign in?', value: 'forgot_password', answer: 'I forgot my password' },
      { questionId: 'access_unknown_activity', question: 'Did you see activity you didn’t do (a login alert, a changed password or e-mail)?', value: true, answer: 'Yes' },
      { questionId: 'access_error_text', question: 'What does the error say?', value: 'Code 403', answer: 'Code 403' },
    ])
    expect(answerDetails(answers, { locale: 'fr' }).map((detail) => detail.answer)).toEqual([
      'Mon équipe ou plusieurs personnes',
      'J’ai oublié mon mot de passe',
      'Oui',
      'Code 403',
    ])
  })

  it('gives questions and options it does not know as they are', () => {
    expect(answerDetails({ payroll_month: 'march', impact: 'galaxy', count: 3 })).toEqual([
      { questionId: 'payroll_month', question: 'payroll_month', value: 'march', answer: 'march' },
      { questionId: 'impact', question: 'Who is affected?', value: 'galaxy', answer: 'galaxy' },
      { questionId: 'count', question: 'count', value: 3, answer: '3' },
    ])
  })
})

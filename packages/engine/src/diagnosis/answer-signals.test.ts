import { describe, expect, it } from 'vitest'
import { answerSignals } from './answer-signals.ts'
import type { QuestionTree } from './types.ts'

describe('answerSignals', () => {
  it('turns “someone else logged in” into a security signal', () => {
    expect(answerSignals({ security_what: 'someone_else_logged_in' })).toEqual([{ categoryId: 'security', why: 'the reporter says their account was taken over' }])
  })

  it('lets an access answer point to security and a bug answer to an outage', () => {
    expect(answerSignals({ access_unknown_activity: 'yes', bug_whole_app_down: true }).map((s) => s.categoryId)).toEqual(['security', 'connectivity'])
  })

  it('raises nothing for answers without a rule or with the other value', () => {
    expect(answerSignals({ impact: 'everyone', workaround: 'no', access_unknown_activity: 'no', security_what: 'nonsense' })).toEqual([])
  })

  it('reads the rules of the trees an app supplies', () => {
    const trees: QuestionTree[] = [
      { categoryId: 'hr', questions: [{ id: 'payslip', kind: 'yes_no', text: { en: 'q', fr: 'q' }, signals: [{ equals: 'yes', categoryId: 'billing', why: 'about pay' }] }] },
    ]
    expect(answerSignals({ payslip: 'yes' }, { trees })).toEqual([{ categoryId: 'billing', why: 'about pay' }])
    expect(answerSignals({ security_what: 'phishing' }, { trees })).toEqual([])
  })
})

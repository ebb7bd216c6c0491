import { describe, expect, it } from 'vitest'
import { nextQuestion, visibleAnswers, visibleQuestions } from './flow.ts'
import { questionsFor, treeFor } from './localize.ts'
import type { QuestionTree } from './types.ts'

const text = { en: 'q', fr: 'q' }
const chain: QuestionTree = {
  categoryId: 'test',
  questions: [
    { id: 'a', kind: 'yes_no', text },
    { id: 'b', kind: 'yes_no', text, showIf: { questionId: 'a', equals: 'yes' } },
    { id: 'c', kind: 'short_text', text, showIf: { questionId: 'b', equals: 'yes' } },
    { id: 'd', kind: 'short_text', text },
  ],
}
const ids = (questions: { id: string }[]) => questions.map((question) => question.id)

describe('visibleQuestions', () => {
  it('shows B only once A is answered yes', () => {
    expect(ids(visibleQuestions(chain.questions, {}))).toEqual(['a', 'd'])
    expect(ids(visibleQuestions(chain.questions, { a: 'no' }))).toEqual(['a', 'd'])
    expect(ids(visibleQuestions(chain.questions, { a: 'yes' }))).toEqual(['a', 'b', 'd'])
  })

  it('reads true and false as yes and no', () => {
    expect(ids(visibleQuestions(chain.questions, { a: true, b: true }))).toEqual(['a', 'b', 'c', 'd'])
  })

  it('hides a question whose condition points to a hidden one, even with a stale answer', () => {
    expect(ids(visibleQuestions(chain.questions, { a: 'no', b: 'yes' }))).toEqual(['a', 'd'])
  })

  it('accepts any of a list of answers', () => {
    const billing = treeFor('billing')
    expect(ids(visibleQuestions(billing.questions, { billing_problem: 'refund' }))).toContain('billing_reference')
    expect(ids(visibleQuestions(billing.questions, { billing_problem: 'payment_fails' }))).not.toContain('billing_reference')
  })

  it('works on localized questions as well', () => {
    const french = questionsFor('notifications', { locale: 'fr' })
    expect(ids(visibleQuestions(french.questions, { notifications_channel: 'email' }))).toContain('notifications_spam_checked')
    expect(ids(visibleQuestions(french.questions, { notifications_channel: 'sms' }))).not.toContain('notifications_spam_checked')
  })

  it('never reads answers from the object prototype', () => {
    const tree: QuestionTree = { categoryId: 't', questions: [{ id: 'x', kind: 'short_text', text, showIf: { questionId: 'constructor', equals: 'yes' } }] }
    expect(visibleQuestions(tree.questions, {})).toEqual([])
  })
})

describe('nextQuestion', () => {
  it('asks impact first, then workaround, on every default tree', () => {
    expect(nextQuestion(treeFor('security'), {})?.id).toBe('impact')
    expect(nextQuestion(treeFor('security'), { impact: 'me' })?.id).toBe('workaround')
  })

  it('walks the visible questions in order and ends with null', () => {
    expect(nextQuestion(chain, {})?.id).toBe('a')
    expect(nextQuestion(chain, { a: 'yes' })?.id).toBe('b')
    expect(nextQuestion(chain, { a: 'no' })?.id).toBe('d')
    expect(nextQuestion(chain, { a: 'no', d: '' })).toBeNull()
  })
})

describe('visibleAnswers', () => {
  it('drops answers to questions a changed choice hid', () => {
    expect(visibleAnswers(chain, { a: 'no', b: 'yes', c: 'left over', d: 'kept' })).toEqual({ a: 'no', d: 'kept' })
  })
})

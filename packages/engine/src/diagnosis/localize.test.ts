import { describe, expect, it } from 'vitest'
import { questionsFor, treeFor } from './localize.ts'
import type { QuestionTree } from './types.ts'

describe('questionsFor', () => {
  it('gives the questions in English by default', () => {
    const tree = questionsFor('access')
    expect(tree.locale).toBe('en')
    expect(tree.questions[0]).toMatchObject({
      id: 'impact',
      kind: 'choice',
      text: 'Who is affected?',
      options: [
        { id: 'me', label: 'Only me' },
        { id: 'team', label: 'My team or several people' },
        { id: 'everyone', label: 'Everyone' },
      ],
    })
  })

  it('gives the same ids with French texts and labels', () => {
    const english = questionsFor('security')
    const french = questionsFor('security', { locale: 'fr' })
    expect(french.questions.map((q) => q.id)).toEqual(english.questions.map((q) => q.id))
    expect(french.questions[1]).toMatchObject({
      id: 'workaround',
      kind: 'yes_no',
      options: [
        { id: 'yes', label: 'Oui' },
        { id: 'no', label: 'Non' },
      ],
    })
    const what = french.questions.find((q) => q.id === 'security_what')
    expect(what?.options?.[0]).toEqual({ id: 'someone_else_logged_in', label: 'Quelqu’un d’autre s’est connecté à mon compte' })
  })

  it('keeps conditions and gives text questions their length limit', () => {
    const question = questionsFor('access').questions.find((q) => q.id === 'access_error_text')
    expect(question).toMatchObject({ kind: 'short_text', maxLength: 2000, showIf: { questionId: 'access_problem', equals: 'error_message' } })
  })

  it('takes the trees an app supplies', () => {
    const trees: QuestionTree[] = [{ categoryId: 'access', questions: [{ id: 'badge', kind: 'short_text', text: { en: 'Badge number?', fr: 'Numéro de badge ?' } }] }]
    expect(questionsFor('access', { trees, locale: 'fr' }).questions).toEqual([{ id: 'badge', kind: 'short_text', text: 'Numéro de badge ?', maxLength: 2000 }])
  })

  it('falls back to English and the default trees for options passed as undefined', () => {
    expect(questionsFor('access', { locale: undefined, trees: undefined }).questions[0]?.text).toBe('Who is affected?')
  })

  it('asks the common questions for a category without a tree', () => {
    expect(questionsFor('printers').questions.map((q) => q.id)).toEqual(['impact', 'workaround'])
    expect(treeFor('printers').categoryId).toBe('printers')
  })
})

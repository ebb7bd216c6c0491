import { describe, expect, it } from 'vitest'
import { defaultTaxonomy } from '../taxonomy.ts'
import { checkTree } from './check-tree.ts'
import { commonQuestions } from './common-questions.ts'
import { defaultQuestionTrees } from './default-trees.ts'
import type { QuestionTree } from './types.ts'

const text = { en: 'q', fr: 'q' }

describe('default question trees', () => {
  it('have one tree per category of the default taxonomy', () => {
    expect(defaultQuestionTrees.map((tree) => tree.categoryId).sort()).toEqual(defaultTaxonomy.map((category) => category.id).sort())
  })

  it.each(defaultQuestionTrees.map((tree) => [tree.categoryId, tree] as const))('%s is sound and starts with impact and workaround', (_, tree) => {
    expect(checkTree(tree)).toEqual([])
    expect(tree.questions.slice(0, 2).map((q) => q.id)).toEqual(['impact', 'workaround'])
  })

  it('use each category-specific question id in one tree only', () => {
    const ids = defaultQuestionTrees.flatMap((tree) => tree.questions.slice(commonQuestions.length).map((q) => q.id))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('have a French text for every English one', () => {
    for (const question of defaultQuestionTrees.flatMap((tree) => tree.questions)) {
      expect(question.text.fr, question.id).not.toBe('')
      expect(question.text.fr, question.id).not.toBe(question.text.en)
    }
  })
})

describe('checkTree', () => {
  it('names a tree without the questions priority reads', () => {
    expect(checkTree({ categoryId: 'x', questions: [] })).toEqual([
      'asks no “impact” question: priority cannot tell who is affected',
      'asks no “workaround” question: priority cannot tell how urgent it is',
    ])
  })

  it('names duplicate ids, dangling and impossible conditions', () => {
    const tree: QuestionTree = {
      categoryId: 'x',
      questions: [
        ...commonQuestions,
        { id: 'b', kind: 'short_text', text, showIf: { questionId: 'later', equals: 'yes' } },
        { id: 'c', kind: 'short_text', text, showIf: { questionId: 'impact', equals: 'galaxy' } },
        {
          id: 'c',
          kind: 'choice',
          text,
          options: [
            { id: 'o', label: text },
            { id: 'o', label: text },
          ],
        },
        { id: 'later', kind: 'yes_no', text, signals: [{ equals: 'maybe', categoryId: 'bug', why: 'w' }] },
      ],
    }
    expect(checkTree(tree)).toEqual([
      '“b” depends on “later”, which is not an earlier question',
      '“c” waits for “impact” = “galaxy”, which it cannot be',
      'question “c” appears twice',
      'choice “c” offers “o” twice',
      'a signal of “later” waits for “maybe”, which it cannot be',
    ])
  })
})

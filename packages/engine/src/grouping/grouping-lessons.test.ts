import { describe, expect, it } from 'vitest'
import { createGroupingLessons, restoreGroupingLessons } from './grouping-lessons.ts'
import { reportSignature, reportTerms, unitLength } from './report-signature.ts'

const features = (text: string) => reportSignature({ text }).features
function profile(texts: readonly string[]) {
  const sum = new Map<string, number>()
  for (const text of texts) for (const [feature, weight] of features(text)) sum.set(feature, (sum.get(feature) ?? 0) + weight)
  return unitLength(sum)
}
const calls = profile(['Video calls drop after a few seconds', 'The video call keeps cutting out', 'Les appels vidéo coupent'])

describe('grouping lessons', () => {
  it('keeps what is like a split report apart from what is like its group, and nothing else', () => {
    const lessons = createGroupingLessons()
    lessons.learnApart(features('The onboarding video drops after a few seconds'), calls, 1)
    const stray = lessons.match(features('The onboarding tour video drops after a few seconds'))
    expect(lessons.relation(stray, calls)).toBe('apart')
    // A report of the outage itself is like the group more than the stray: no lesson applies.
    const call = lessons.match(features('My video call dropped again'))
    expect(lessons.relation(call, calls)).toBeNull()
    expect(lessons.match(features('Invoices are missing')).size).toBe(0)
  })

  it('brings together what is like each side of a merge, and points from one to the other', () => {
    const gantt = profile(['The Gantt view is empty', 'The Gantt view shows nothing'])
    const timeline = profile(['Timeline does not render', 'The timeline will not render'])
    const lessons = createGroupingLessons()
    lessons.learnTogether(gantt, timeline, 1)
    const matches = lessons.match(features('Gantt view is empty again'))
    expect(lessons.relation(matches, timeline)).toBe('together')
    expect(lessons.relation(matches, gantt)).toBeNull()
    expect(lessons.partners(matches)).toHaveLength(1)
  })

  it('lets the newest of two contradicting lessons speak', () => {
    const a = profile(['The Gantt view is empty'])
    const b = profile(['Timeline does not render'])
    const lessons = createGroupingLessons()
    lessons.learnTogether(a, b, 1)
    lessons.learnApart(a, b, 2)
    expect(lessons.relation(lessons.match(features('The Gantt view is empty')), b)).toBe('apart')
  })

  it('saves to compact JSON and restores to the same answers, keeping the newest lessons', () => {
    const lessons = createGroupingLessons(undefined, { maxLessons: 2 })
    lessons.learnApart(features('Invoices are missing'), calls, 1)
    lessons.learnApart(features('The onboarding video drops after a few seconds'), calls, 2)
    lessons.learnTogether(profile(['The Gantt view is empty']), profile(['Timeline does not render']), 3)
    expect(lessons.size).toBe(2)
    const restored = restoreGroupingLessons(JSON.stringify(lessons), { maxLessons: 2 })
    expect(restored.toJSON()).toEqual(lessons.toJSON())
    expect(restored.toJSON().lessons.map((lesson) => lesson.at)).toEqual([2, 3])
    expect(lessons.toJSON().lessons.every((lesson) => lesson.a.length <= 24 && lesson.b.length <= 24)).toBe(true)
  })

  it('refuses a state it did not write', () => {
    expect(() => restoreGroupingLessons('{"version":2,"lessons":[]}')).toThrow(TypeError)
    expect(() => restoreGroupingLessons({ version: 1, lessons: [{ kind: 'maybe', a: [], b: [], at: 1 }] } as never)).toThrow(/toJSON/)
  })

  it("forgets an erased report's words from every lesson, keeping the rest unit length, and drops a lesson left empty", () => {
    const lessons = createGroupingLessons()
    const erased = { text: 'Ada Lovelace: the onboarding video drops after a few seconds', url: 'https://app.example/onboarding/ada-lovelace' }
    lessons.learnApart(features(erased.text), calls, 1)
    lessons.learnApart(features('Zyxwv'), profile(['Qwerty']), 2)
    const terms = reportTerms(erased)
    expect(terms).toEqual(expect.arrayContaining(['ada', 'lovelac']))
    expect(terms.some((term) => term.startsWith('#'))).toBe(false)

    expect(lessons.forget([...terms, 'zyxwv'])).toBe(true)
    const state = lessons.toJSON()
    expect(state.lessons).toHaveLength(1)
    const stored = JSON.stringify(state)
    for (const term of terms) expect(stored).not.toContain(`"${term}"`)
    for (const side of [state.lessons[0]!.a, state.lessons[0]!.b]) {
      expect(Math.hypot(...side.map(([, weight]) => weight))).toBeCloseTo(1, 3)
    }
    expect(lessons.forget(terms)).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import type { Move, Position, Step } from './transitions.ts'
import { nextPosition } from './transitions.ts'

const at = (step: Step, question = 0): Position => ({ step, question })
/** The step after `moves` from `from`, with `questions` asked and a report shown or not. */
function walk(from: Position, moves: Move[], facts = { questions: 2, report: false }): Position {
  return moves.reduce((position, move) => nextPosition(position, move, facts), from)
}

describe('the journey', () => {
  it('goes describe → each question → contact → review, and back the same way', () => {
    expect(walk(at('describe'), ['next'])).toEqual(at('diagnose', 0))
    expect(walk(at('describe'), ['next', 'next'])).toEqual(at('diagnose', 1))
    expect(walk(at('describe'), ['next', 'next', 'next', 'next'])).toEqual(at('review'))
    expect(walk(at('review'), ['back', 'back'])).toEqual(at('diagnose', 1))
    expect(walk(at('review'), ['back', 'back', 'back', 'back'])).toEqual(at('describe'))
  })

  it('passes over the questions when there are none, both ways', () => {
    const none = { questions: 0, report: false }
    expect(walk(at('describe'), ['next'], none)).toEqual(at('contact'))
    expect(walk(at('contact'), ['back'], none)).toEqual(at('describe'))
  })

  it('starts the questions over when the reporter picks another category', () => {
    expect(walk(at('diagnose', 1), ['category'])).toEqual(at('diagnose', 0))
  })

  it('ends a journey with the ticket, the offline notice, or the thank-you of a solved problem', () => {
    expect(walk(at('review'), ['sent'])).toEqual(at('report'))
    expect(walk(at('review'), ['queued'])).toEqual(at('queued'))
    expect(walk(at('queued'), ['sent'])).toEqual(at('report'))
    expect(walk(at('describe'), ['solved'])).toEqual(at('deflected'))
    // "Me too" on a known problem sends from the description.
    expect(walk(at('describe'), ['sent'])).toEqual(at('report'))
  })

  it('leaves "My reports" for the report on screen, or the description when there is none', () => {
    expect(walk(at('describe'), ['myReports', 'back'])).toEqual(at('describe'))
    expect(walk(at('report'), ['myReports', 'back'], { questions: 0, report: true })).toEqual(at('report'))
    expect(walk(at('reports'), ['open'])).toEqual(at('report'))
    for (const step of ['report', 'queued', 'deflected'] as const) expect(walk(at(step), ['newReport'])).toEqual(at('describe'))
  })

  it('stays where it is on a move that means nothing here, such as an answer for a screen already left', () => {
    const contact = at('contact')
    expect(nextPosition(contact, 'sent', { questions: 2, report: false })).toBe(contact)
    expect(nextPosition(at('reports'), 'queued', { questions: 0, report: false })).toEqual(at('reports'))
    expect(nextPosition(at('report'), 'sent', { questions: 0, report: true })).toEqual(at('report'))
  })
})

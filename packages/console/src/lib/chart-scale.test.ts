import { describe, expect, it } from 'vitest'
import { linePath, linePoints, niceTicks } from './chart-scale.ts'

describe('axis ticks', () => {
  it('are round steps from zero to at least the largest value', () => {
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40])
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4])
    expect(niceTicks(0.87)).toEqual([0, 0.5, 1])
    expect(niceTicks(100)).toEqual([0, 50, 100])
  })

  it('give an axis even when there is nothing to show', () => {
    expect(niceTicks(0)).toEqual([0, 1])
    expect(niceTicks(Number.NaN)).toEqual([0, 1])
  })
})

describe('a line through the days', () => {
  it('leaves a gap where a day has no value', () => {
    expect(linePath([0, 10, null, 5, 10], 40, 100, 10)).toBe('M0.0,100.0L10.0,0.0M30.0,50.0L40.0,0.0')
  })
})

describe('the points of a line', () => {
  it('marks each known day, a lone one between gaps included', () => {
    expect(linePoints([null, 5, null], 40, 100, 10)).toEqual([{ x: 20, y: 50, index: 1 }])
  })
})

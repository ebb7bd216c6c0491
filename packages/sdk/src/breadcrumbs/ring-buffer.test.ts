// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest'
import type { Breadcrumb } from '@triage/protocol'
import { createRingBuffer } from './ring-buffer.ts'

const crumb = (message: string): Breadcrumb => ({ at: '2026-11-29T10:00:00.000Z', type: 'console', message })
const size = (item: Breadcrumb) => new TextEncoder().encode(JSON.stringify(item)).length

describe('ring buffer', () => {
  test('keeps the latest `max` breadcrumbs, oldest first', () => {
    const ring = createRingBuffer(3, 100_000)
    for (const n of [1, 2, 3, 4, 5]) ring.push(crumb(`#${n}`))
    expect(ring.list().map((item) => item.message)).toEqual(['#3', '#4', '#5'])
  })

  test('drops the oldest until the JSON fits in `maxBytes`, counting UTF-8 bytes', () => {
    const one: Breadcrumb = { ...crumb('é'.repeat(50)), level: 'info' }
    // Room for three by characters, but 'é' is 2 bytes in UTF-8: only two fit.
    const budget = (JSON.stringify(one).length + 1) * 3
    expect(size(one) * 2).toBeLessThan(budget)
    const ring = createRingBuffer(100, budget)
    for (const n of [1, 2, 3]) ring.push({ ...one, message: `${n}${one.message}` })
    expect(ring.list().map((item) => item.message[0])).toEqual(['2', '3'])
    expect(ring.bytes()).toBeLessThanOrEqual(budget)
  })

  test('never keeps one breadcrumb larger than the whole budget', () => {
    const ring = createRingBuffer(10, 200)
    ring.push(crumb('small'))
    ring.push(crumb('x'.repeat(500)))
    expect(ring.list().map((item) => item.message)).toEqual(['small'])
  })

  test('clear empties it', () => {
    const ring = createRingBuffer(10, 1_000)
    ring.push(crumb('a'))
    ring.clear()
    expect(ring.list()).toEqual([])
    expect(ring.bytes()).toBe(0)
  })
})

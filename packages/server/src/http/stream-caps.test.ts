import { describe, expect, it } from 'vitest'
import { streamCaps } from './stream-caps.ts'

describe('streamCaps', () => {
  it('refuses past the cap of a report, and takes a stream again once one is released', () => {
    const caps = streamCaps({ perReport: 2, perAddress: 10 })
    const first = caps.open('inc_1', 'a')
    expect(caps.open('inc_1', 'b')).toBeTypeOf('function')
    expect(caps.open('inc_1', 'c')).toBeUndefined()
    expect(caps.open('inc_2', 'a')).toBeTypeOf('function')
    first?.()
    first?.() // a second release changes nothing
    expect(caps.open('inc_1', 'c')).toBeTypeOf('function')
    expect(caps.open('inc_1', 'd')).toBeUndefined()
  })

  it('refuses past the cap of an address, across reports', () => {
    const caps = streamCaps({ perReport: 5, perAddress: 2 })
    caps.open('inc_1', 'a')
    const second = caps.open('inc_2', 'a')
    expect(caps.open('inc_3', 'a')).toBeUndefined()
    expect(caps.open('inc_3', 'b')).toBeTypeOf('function')
    second?.()
    expect(caps.open('inc_3', 'a')).toBeTypeOf('function')
  })
})

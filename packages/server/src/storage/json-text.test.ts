import { describe, expect, it } from 'vitest'
import { jsonText } from './json-text.ts'

describe('jsonText', () => {
  it('writes lone surrogates as U+FFFD and keeps pairs, in values and keys', () => {
    expect(JSON.parse(jsonText({ 'k\ud800': ['\udfff', 'a😀b', 'x\ud83d'] }))).toEqual({ 'k\ufffd': ['\ufffd', 'a😀b', 'x\ufffd'] })
  })

  it('leaves text that only looks like an escape alone', () => {
    const tricky = { a: '\\ud800', b: '\\\\ud800', c: 'line\nbreak \u0001' }
    expect(JSON.parse(jsonText(tricky))).toEqual(tricky)
    expect(jsonText(tricky)).toBe(JSON.stringify(tricky))
  })

  it('is JSON.stringify itself for clean values', () => {
    const value = { symptoms: 'ça marche pas 😀', n: [1, null, true] }
    expect(jsonText(value)).toBe(JSON.stringify(value))
  })
})

import { describe, expect, it } from 'vitest'
import { wellFormedInput } from './json-input.ts'

describe('wellFormedInput', () => {
  it('replaces lone surrogates in strings and keys with U+FFFD, and keeps pairs', () => {
    const input = JSON.parse('{"a\\ud800":["x\\udfff","\\ud83d\\ude00"],"b":{"c":"\\udbff!"}}') as unknown
    expect(wellFormedInput(input)).toEqual({ ok: true, changed: true, value: { 'a\ufffd': ['x\ufffd', '😀'], b: { c: '\ufffd!' } } })
  })

  it('hands back the very same value when nothing needs a change', () => {
    const input = { a: ['x', 1, null, { b: true }], c: 'é😀' }
    const result = wellFormedInput(input)
    expect(result).toEqual({ ok: true, changed: false, value: input })
    expect(result.ok && result.value).toBe(input)
  })

  it('counts the body as level 1 and names the path where nesting goes past the limit', () => {
    expect(wellFormedInput({ a: [[1]] }, 3)).toMatchObject({ ok: true })
    expect(wellFormedInput({ a: [[[1]]] }, 3)).toEqual({ ok: false, path: 'a.0.0' })
    expect(wellFormedInput([], 0)).toEqual({ ok: false, path: '(body)' })
  })

  it('walks a hostile depth without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown
    expect(wellFormedInput(deep)).toMatchObject({ ok: false })
  })
})

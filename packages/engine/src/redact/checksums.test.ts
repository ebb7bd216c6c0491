import { describe, expect, it } from 'vitest'
import { isIbanValid, isLuhnValid } from './checksums.ts'

describe('isLuhnValid', () => {
  it('accepts test card numbers of every length we mask', () => {
    expect(['4242424242424242', '4000056655665556', '378282246310005', '6011111111111117', '4222222222222', '6200000000000005'].every(isLuhnValid)).toBe(true)
  })

  it('refuses a number with one digit changed', () => {
    expect(isLuhnValid('4242424242424241')).toBe(false)
    expect(isLuhnValid('')).toBe(false)
    expect(isLuhnValid('42a2')).toBe(false)
  })
})

describe('isIbanValid', () => {
  it('accepts real-format IBANs, with or without spaces and in any case', () => {
    expect(isIbanValid('FR76 3000 6000 0112 3456 7890 189')).toBe(true)
    expect(isIbanValid('DE89370400440532013000')).toBe(true)
    expect(isIbanValid('gb82 west 1234 5698 7654 32')).toBe(true)
  })

  it('refuses a wrong check digit or a malformed code', () => {
    expect(isIbanValid('FR76 3000 6000 0112 3456 7890 188')).toBe(false)
    expect(isIbanValid('DE00370400440532013000')).toBe(false)
    expect(isIbanValid('1234 5678')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { isIbanValid } from './checksums.ts'

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

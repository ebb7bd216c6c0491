import { describe, expect, it } from 'vitest'
import { isSealed, secretBox } from './sealing.ts'

describe('secretBox', () => {
  it('seals to a value that holds nothing of the secret, differs every time, and opens back', async () => {
    const box = secretBox('deployment secret')
    const first = await box.seal('whsec_abc')
    const second = await box.seal('whsec_abc')
    expect(first).toMatch(/^sealed:v1:[A-Za-z0-9_-]+$/)
    expect(first).not.toContain('whsec')
    expect(first).not.toBe(second)
    expect(await secretBox('deployment secret').open(first)).toBe('whsec_abc')
  })

  it('answers a value stored in clear as it is, so secrets from before sealing keep working', async () => {
    expect(await secretBox('deployment secret').open('whsec_old')).toBe('whsec_old')
    expect(isSealed('whsec_old')).toBe(false)
  })

  it('refuses to open with another TRIAGE_SECRET, or none, saying what to do', async () => {
    const sealed = await secretBox('deployment secret').seal('idsec_x')
    await expect(secretBox('another secret').open(sealed)).rejects.toThrow('set TRIAGE_SECRET back to the value it had')
    await expect(secretBox(undefined).open(sealed)).rejects.toThrow('TRIAGE_SECRET is not set')
  })

  it('stores in clear without a TRIAGE_SECRET', async () => {
    const box = secretBox(undefined)
    expect(box.seals).toBe(false)
    expect(await box.seal('whsec_abc')).toBe('whsec_abc')
  })
})

import { randomToken } from './security/crypto.ts'

const base32 = '0123456789abcdefghjkmnpqrstvwxyz'

/**
 * A prefixed, time-ordered id (`inc_…`, `evt_…`): 48 bits of milliseconds in Crockford base32,
 * then randomness. Sorting ids sorts by creation, which keeps indexes append-mostly.
 */
export function newId(prefix: string, now = Date.now()): string {
  let time = ''
  let rest = now
  for (let i = 0; i < 10; i++) {
    time = base32[rest % 32] + time
    rest = Math.floor(rest / 32)
  }
  return `${prefix}_${time}${randomToken(10)}`
}

/** `INC-000123` for incident 123 of an app. */
export function formatNumber(number: number): string {
  return `INC-${String(number).padStart(6, '0')}`
}

/**
 * Throttling of failed sign-ins, per e-mail (someone guessing one account's password) and per
 * client address (someone trying many accounts). The counts live in the database, not in memory:
 * a limit per process would multiply with every Node process and every Workers isolate, and an
 * attacker spreads requests over them at will. Each failure costs one upsert; a sign-in reads
 * two rows first.
 *
 * Fixed windows: after `perAccount` failures for an e-mail (or `perAddress` from an address)
 * within `windowMs`, every sign-in for it answers 429 until the window ends — even with the right
 * password, so the lockout cannot be used to confirm a guess. A success clears the e-mail's count.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#protect-against-automated-attacks
 */
import type { SignInThrottleOptions } from '../domain/context.ts'
import { addressBucket } from '../security/network-address.ts'
import type { FailureCount } from '../storage/sign-in-failures.ts'
import { addFailures, clearFailures, readFailures } from '../storage/sign-in-failures.ts'
import type { Database } from '../db/database.ts'

export type { SignInThrottleOptions }

export const defaultSignInThrottle = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 } as const satisfies SignInThrottleOptions

/** The two counters one sign-in attempt touches. */
export function throttleKeys(email: string, address: string): { account: string; address: string } {
  return { account: `email:${email}`, address: `address:${addressBucket(address)}` }
}

function limitOf(key: string, options: SignInThrottleOptions): number {
  return key.startsWith('email:') ? options.perAccount : options.perAddress
}

/** Seconds until the held key with the latest window end lets go, or undefined when none is held. */
function heldFor(counts: FailureCount[], options: SignInThrottleOptions, now: number): number | undefined {
  let until = 0
  for (const { key, count, windowStartedAt } of counts) {
    const end = windowStartedAt + options.windowMs
    if (count >= limitOf(key, options) && end > now) until = Math.max(until, end)
  }
  return until > now ? Math.max(1, Math.ceil((until - now) / 1000)) : undefined
}

/** Whether a sign-in for these keys is held now: the seconds to wait, or undefined. */
export async function signInHeldFor(db: Database, keys: string[], options: SignInThrottleOptions, now: number): Promise<number | undefined> {
  return heldFor(await readFailures(db, keys), options, now)
}

/** Counts a failed sign-in against each key. */
export async function recordSignInFailure(db: Database, keys: string[], options: SignInThrottleOptions, now: number): Promise<void> {
  await addFailures(db, keys, now, options.windowMs)
}

/** A successful sign-in forgets the e-mail's failures (not the address's: one success must not reset a spray). */
export async function forgetAccountFailures(db: Database, accountKey: string): Promise<void> {
  await clearFailures(db, [accountKey])
}

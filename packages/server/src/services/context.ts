import type { Problem, ProblemCode } from '@triage/protocol'
import type { SecretBox } from '../security/sealing.ts'
import { secretBox } from '../security/sealing.ts'
import type { Database } from '../storage/database.ts'

/** What every service function needs: storage, the reporter-token secret and a clock. */
export interface ServiceContext {
  db: Database
  reporterSecret: string
  /** Milliseconds since the epoch; tests pass a controlled clock. */
  now: () => number
  /** How many incidents per app the similar-incident index keeps, the most recently changed (default 20,000). */
  similarIndexLimit?: number
  /** Seals stored webhook and identity secrets (see sealing.ts); absent: stored in clear. */
  secrets?: SecretBox
}

const unsealed = secretBox(undefined)

/** The context's secret box, or the one that stores in clear. */
export function secretsOf(context: ServiceContext): SecretBox {
  return context.secrets ?? unsealed
}

/** A refusal a service can explain to the caller; the app turns it into problem+json. */
export class ProblemError extends Error {
  readonly code: ProblemCode
  readonly status: number
  readonly detail: string
  readonly extra: Partial<Problem>

  constructor(code: ProblemCode, status: number, detail: string, extra: Partial<Problem> = {}) {
    super(detail)
    this.name = 'ProblemError'
    this.code = code
    this.status = status
    this.detail = detail
    this.extra = extra
  }
}

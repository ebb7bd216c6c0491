/**
 * Who is asking, as the services see it. The HTTP layer authenticates (keys, tokens) and hands
 * the services one of these; the CLI and background jobs build them directly.
 */
import type { BusinessCalendar, Locale, SlaPolicy } from '@triage/engine'

/** An app's SLA settings; null parts mean the defaults (docs/design.md targets, calendar time). */
export interface AppSla {
  policy: SlaPolicy | null
  calendar: BusinessCalendar | null
}

/** The caller as authenticated by a publishable key: the app's page. */
export interface PublicCaller {
  appId: string
  sla: AppSla
  /** Verifies the app's user hashes (as stored: sealed where sealing is on); null until an admin reads the app settings. */
  identitySecret: string | null
}

/** The caller as authenticated by a secret key: an agent or integration of one app. */
export interface AgentCaller {
  appId: string
  keyId: string
  name: string
  role: 'l1' | 'l2' | 'l3' | 'admin'
  /** The agent's language (their Accept-Language): questions, answers and category names read in it. */
  locale: Locale
}

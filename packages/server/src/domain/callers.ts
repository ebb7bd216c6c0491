/**
 * Who is asking, as the services see it. The HTTP layer authenticates (keys, tokens, sessions) and
 * hands the services one of these; the CLI and background jobs build them directly.
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

/**
 * The caller of the agent API: a signed-in agent (session cookie) or a secret key, of one app.
 * Both follow the same rules: the role decides what is visible.
 */
export interface AgentCaller {
  appId: string
  /** The secret key used; null for a session. */
  keyId: string | null
  /** The signed-in agent (`agt_…`); null for a secret key. */
  agentId: string | null
  /** Who acts, as the timeline records it: the agent's name, or the key's name. */
  name: string
  role: 'l1' | 'l2' | 'l3' | 'admin'
  /** The agent's language (their Accept-Language): questions, answers and category names read in it. */
  locale: Locale
}

/** The person a caller is, for "mine", assignment and presence: the agent's id, or the key's. */
export function callerId(caller: AgentCaller): string {
  return caller.agentId ?? caller.keyId ?? caller.name
}

/** `/v1/admin/...`: an app's own settings, keys and webhooks, for `admin` secret keys. */

export type AgentRole = 'l1' | 'l2' | 'l3' | 'admin'

/** SLA targets of one priority, in minutes of working time. */
export interface SlaTargetSetting {
  firstResponseMinutes: number
  resolutionMinutes: number
}

/** Opening hours SLA clocks count in: IANA time zone, hours per weekday (`["09:00","17:00"]`), closed dates. */
export interface BusinessHoursSetting {
  timeZone: string
  week: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string]>>
  holidays?: string[]
}

export interface AppSettings {
  id: string
  name: string
  /** Origins allowed to use the publishable key; empty: any (for server-side reporting only). */
  allowedOrigins: string[]
  /** Targets per priority in force (the defaults where the app set none). */
  slaPolicy: Record<'P1' | 'P2' | 'P3' | 'P4', SlaTargetSetting>
  /** null: SLA clocks run in calendar time. */
  businessHours: BusinessHoursSetting | null
  /**
   * Your server signs each signed-in user's id with it (hex HMAC-SHA256) and gives the page the
   * result as `userHash`: that user's reports then follow them across devices. Keep it server-side.
   */
  identitySecret: string
}

/** `PATCH /v1/admin/app`. New SLA settings apply to tickets created from then on. */
export interface AppSettingsPatch {
  name?: string
  allowedOrigins?: string[]
  /** Targets to change, per priority; others keep theirs. */
  slaPolicy?: Partial<Record<'P1' | 'P2' | 'P3' | 'P4', SlaTargetSetting>>
  businessHours?: BusinessHoursSetting | null
}

export interface ApiKeyInfo {
  id: string
  kind: 'publishable' | 'secret'
  role: AgentRole | null
  name: string
  /** The whole key for publishable keys; a prefix for secret keys. */
  display: string
  createdAt: string
  revokedAt: string | null
}

/** `POST /v1/admin/keys`. */
export interface ApiKeyCreate {
  kind: 'publishable' | 'secret'
  /** Required for secret keys. */
  role?: AgentRole
  name: string
}

/** The new key, in clear this once: only its hash is stored. */
export interface ApiKeyCreated extends ApiKeyInfo {
  key: string
}

/** `POST /v1/admin/webhooks`. */
export interface WebhookCreate {
  /** `https://…` (plain `http://` only to localhost, for development). */
  url: string
  /** Event types to send (`incident.created`, `incident.escalated`, …); empty or absent: all. */
  events?: string[]
}

/** A webhook as listed: its signing secret is never shown again after creation or rotation. */
export interface Webhook {
  id: string
  url: string
  events: string[]
  createdAt: string
  disabledAt: string | null
}

/** The answer to creating a webhook or rotating its secret: the secret, in clear this once. */
export interface WebhookCreated extends Webhook {
  /** Signs each delivery: `Triage-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
  secret: string
}

export interface WebhookDelivery {
  id: string
  eventType: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  lastStatusCode: number | null
  lastError: string | null
  nextAttemptAt: string | null
  createdAt: string
  deliveredAt: string | null
}

/** The body of each webhook delivery. */
export interface WebhookPayload {
  id: string
  type: string
  createdAt: string
  data: {
    incident: { id: string; number: string; status: string; priority: string; tier: string; category: string; kind: string }
    event: { id: string; type: string; at: string; actor: string; visibility: string; data: Record<string, unknown> }
  }
}

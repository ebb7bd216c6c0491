import type { AgentAuthOptions } from './domain/context.ts'

/** Server configuration from the environment; every knob has a default that works on a fresh clone. */
export interface NodeConfig {
  /** libSQL URL. Default `file:./data/triage.db` (relative to the working directory). */
  databaseUrl: string
  /** For a remote libSQL / Turso URL. */
  databaseAuthToken: string | undefined
  port: number
  host: string
  /** Signs reporter tokens; generated and stored in the database when unset. */
  secret: string | undefined
  demoPublishableKey: string | undefined
  demoSecretKey: string | undefined
  /** Public requests per minute per credential and client address; 0 turns limiting off. */
  rateLimitPerMinute: number
  /** How often pending webhook deliveries are sent, in ms; 0 turns the in-process dispatcher off. */
  webhookIntervalMs: number
  /** Let webhooks reach loopback and private addresses (`TRIAGE_WEBHOOK_PRIVATE_NETWORKS=allow`). */
  webhookPrivateNetworks?: boolean
  /** How often the SLA sweep runs, in ms; 0 turns the in-process scheduler off. */
  slaSweepIntervalMs: number
  /** SMTP server for e-mails to reporters, e.g. `smtp://user:pass@mail.example.com:587`; unset: no e-mail. */
  smtpUrl: string | undefined
  /** Sender of those e-mails. */
  notifyFrom: string
  /** How often reporters' e-mails are sent, in ms. */
  notifyIntervalMs?: number
  /** How often a live-followed report is checked for changes, in ms (default 1000). */
  followPollMs?: number
  /** Incidents per app the similar-incident index keeps in memory (`TRIAGE_SIMILAR_INDEX_LIMIT`, default 20,000). */
  similarIndexLimit?: number | undefined
  /**
   * Proxies whose `X-Forwarded-For` names the client (`TRIAGE_TRUSTED_PROXIES`: addresses and
   * networks, comma-separated); none by default, so the socket's peer is the client.
   */
  trustedProxies?: string[] | undefined
  /** Most live event streams per report (`TRIAGE_STREAMS_PER_REPORT`, default 5) and per client address (`TRIAGE_STREAMS_PER_ADDRESS`, default 50). */
  streamsPerReport?: number | undefined
  streamsPerAddress?: number | undefined
  /** Slow clients (see ServerTimeouts). */
  timeouts?: Partial<ServerTimeouts>
  /** Attachment bytes each app may store (`TRIAGE_ATTACHMENT_QUOTA_MB`, default 1024 MB). */
  attachmentQuotaBytes?: number | undefined
  /** The server's public base URL (`TRIAGE_PUBLIC_URL`): invitation links and the console's CSRF check behind a proxy. */
  publicUrl?: string | undefined
  /** How long an agent's session lasts, in ms (`TRIAGE_SESSION_TTL_HOURS`, default 12 hours). */
  sessionTtlMs?: number | undefined
  /**
   * The demo app's admin agent, made at start (`TRIAGE_DEMO_AGENT_EMAIL`, `TRIAGE_DEMO_AGENT_PASSWORD`);
   * undefined: none (the tests' servers). `passwordGiven`: set from the environment, so it is (re)applied.
   */
  demoAgent?: { email: string; password: string; passwordGiven: boolean } | undefined
  /** The console's built files (default `packages/console/dist`, where `npm run build` puts them). */
  consoleDir?: string | undefined
  /** Sign-in throttling and sessions, for tests that need other limits than the defaults. */
  agentAuth?: Partial<AgentAuthOptions>
}

/** The demo admin agent's sign-in when the environment sets none: printed by `npm start`. */
export const demoAgentDefaults = { email: 'admin@example.com', password: 'triage-demo-password' } as const

/** `TRIAGE_PUBLIC_URL` (Node and Workers): an http(s) URL, kept without a trailing slash, or unset. */
export function readPublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`TRIAGE_PUBLIC_URL must be the server's public URL, like https://triage.example.com, not "${value}".`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`TRIAGE_PUBLIC_URL must start with https:// (or http:// for development), not "${value}".`)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/** `TRIAGE_SESSION_TTL_HOURS` (Node and Workers): hours, from a few minutes (0.1) to 30 days, or unset for 12. */
export function readSessionTtl(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const hours = Number(value)
  if (!Number.isFinite(hours) || hours < 0.1 || hours > 720) {
    throw new ConfigError(`TRIAGE_SESSION_TTL_HOURS must be a number of hours between 0.1 and 720 (30 days), not "${value}".`)
  }
  return Math.round(hours * 3_600_000)
}

function readDemoAgent(env: Record<string, string | undefined>): NodeConfig['demoAgent'] {
  const email = (env['TRIAGE_DEMO_AGENT_EMAIL'] || demoAgentDefaults.email).toLowerCase()
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new ConfigError(`TRIAGE_DEMO_AGENT_EMAIL must be an e-mail address, not "${email}".`)
  const given = env['TRIAGE_DEMO_AGENT_PASSWORD'] || undefined
  if (given !== undefined && (given.length < 12 || given.length > 200)) {
    throw new ConfigError('TRIAGE_DEMO_AGENT_PASSWORD must be 12 to 200 characters long (a few words make a strong one).')
  }
  return { email, password: given ?? demoAgentDefaults.password, passwordGiven: given !== undefined }
}

/** A setting that cannot work (a bad PORT, a limit that is not a number…): the message names it and says what to set. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * How long the Node server waits on a client, in ms. None of them cuts a long answer such as an
 * event stream: the first two count until the request is fully received, the idle one only while
 * nothing moves (streams send a comment every 15 s).
 */
export interface ServerTimeouts {
  /** To receive the request line and headers (`TRIAGE_HEADERS_TIMEOUT_MS`). */
  headersMs: number
  /** To receive the whole request, body included (`TRIAGE_REQUEST_TIMEOUT_MS`). */
  requestMs: number
  /** A connection with no traffic either way (`TRIAGE_IDLE_TIMEOUT_MS`). */
  idleMs: number
}

export const defaultServerTimeouts: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 60_000 }

/** `TRIAGE_SIMILAR_INDEX_LIMIT` (Node and Workers): a whole number of incidents, or unset for the default. */
export function readSimilarIndexLimit(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ConfigError(`TRIAGE_SIMILAR_INDEX_LIMIT must be a whole number of incidents (1 or more), not "${value}".`)
  }
  return limit
}

/** `TRIAGE_ATTACHMENT_QUOTA_MB` (Node and Workers): whole megabytes (MiB) of attachments per app, or unset for 1024. */
export function readAttachmentQuota(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const megabytes = Number(value)
  if (!Number.isInteger(megabytes) || megabytes < 0) {
    throw new ConfigError(`TRIAGE_ATTACHMENT_QUOTA_MB must be a whole number of megabytes per app (0 refuses every file), not "${value}".`)
  }
  return megabytes * 1024 * 1024
}

export function readNodeConfig(env: Record<string, string | undefined>): NodeConfig {
  const port = Number(env['PORT'] ?? 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`PORT must be a port number (0-65535), not "${env['PORT']}".`)
  }
  const rateLimitPerMinute = Number(env['TRIAGE_RATE_LIMIT'] ?? 120)
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 0) {
    throw new ConfigError(`TRIAGE_RATE_LIMIT must be a whole number of requests per minute (0 turns it off), not "${env['TRIAGE_RATE_LIMIT']}".`)
  }
  return {
    databaseUrl: env['DATABASE_URL'] ?? 'file:./data/triage.db',
    databaseAuthToken: env['DATABASE_AUTH_TOKEN'] || undefined,
    port,
    host: env['HOST'] ?? '127.0.0.1',
    secret: env['TRIAGE_SECRET'] || undefined,
    demoPublishableKey: env['TRIAGE_DEMO_PK'] || undefined,
    demoSecretKey: env['TRIAGE_DEMO_SK'] || undefined,
    rateLimitPerMinute,
    webhookIntervalMs: 2_000,
    webhookPrivateNetworks: env['TRIAGE_WEBHOOK_PRIVATE_NETWORKS'] === 'allow',
    slaSweepIntervalMs: 30_000,
    smtpUrl: env['SMTP_URL'] || undefined,
    notifyFrom: env['NOTIFY_FROM'] || 'Triage <no-reply@localhost>',
    similarIndexLimit: readSimilarIndexLimit(env['TRIAGE_SIMILAR_INDEX_LIMIT']),
    publicUrl: readPublicUrl(env['TRIAGE_PUBLIC_URL']),
    sessionTtlMs: readSessionTtl(env['TRIAGE_SESSION_TTL_HOURS']),
    demoAgent: readDemoAgent(env),
    streamsPerReport: positiveWhole(env, 'TRIAGE_STREAMS_PER_REPORT', 'streams'),
    streamsPerAddress: positiveWhole(env, 'TRIAGE_STREAMS_PER_ADDRESS', 'streams'),
    timeouts: {
      headersMs: positiveWhole(env, 'TRIAGE_HEADERS_TIMEOUT_MS', 'milliseconds'),
      requestMs: positiveWhole(env, 'TRIAGE_REQUEST_TIMEOUT_MS', 'milliseconds'),
      idleMs: positiveWhole(env, 'TRIAGE_IDLE_TIMEOUT_MS', 'milliseconds'),
    },
    attachmentQuotaBytes: readAttachmentQuota(env['TRIAGE_ATTACHMENT_QUOTA_MB']),
    trustedProxies: (env['TRIAGE_TRUSTED_PROXIES'] ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  }
}

/** A whole number of 1 or more from the environment, or undefined (the default) when unset. */
function positiveWhole(env: Record<string, string | undefined>, name: string, unit: string): number | undefined {
  const value = env[name]
  if (value === undefined || value === '') return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new ConfigError(`${name} must be a whole number of ${unit} (1 or more), not "${value}".`)
  return number
}

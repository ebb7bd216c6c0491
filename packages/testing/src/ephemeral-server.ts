import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { NodeConfig, RunningServer } from '@triage/server'
import { insertAppWithKeys, startNodeServer } from '@triage/server'

export interface EphemeralServer extends RunningServer {
  /** The folder holding its database file (the data directory). */
  dataDirectory: string
  publishableKey: string
  secretKey: string
  /** Another tenant on the same server, with a publishable and an admin secret key: e.g. to prove apps never see each other. */
  addApp(name: string, allowedOrigins?: string[]): Promise<{ appId: string; publishableKey: string; secretKey: string }>
  /** Closes the server and deletes its database folder. */
  stop: () => Promise<void>
}

/**
 * The real Node server on a free loopback port and a fresh libSQL file in a temporary folder,
 * with the demo app's keys at hand: for integration and end-to-end tests, and the screenshots.
 * @example
 * const server = await startEphemeralServer()
 * await fetch(`${server.url}/v1/reports`, { method: 'POST', headers: { 'x-triage-key': server.publishableKey, … } })
 * await server.stop()
 */
export async function startEphemeralServer(
  options: {
    now?: () => number
    /** TRIAGE_SECRET: signs reporter tokens and seals stored secrets. */
    secret?: string
    rateLimitPerMinute?: number
    /** TRIAGE_TRUSTED_PROXIES: peers whose X-Forwarded-For names the client. */
    trustedProxies?: string[]
    webhookIntervalMs?: number
    smtpUrl?: string
    similarIndexLimit?: number
    streamsPerReport?: number
    streamsPerAddress?: number
    headersTimeoutMs?: number
    requestTimeoutMs?: number
    idleTimeoutMs?: number
    attachmentQuotaBytes?: number
    /** Serve this data directory (e.g. a restored backup) instead of a fresh one; it is deleted on stop too. */
    dataDirectory?: string
    /** The demo admin key, for a data directory that already has one (a fresh one makes its own). */
    demoSecretKey?: string
    /** Sign-in throttling and session length, when a test needs other than the defaults. */
    agentAuth?: NodeConfig['agentAuth']
  } = {},
): Promise<EphemeralServer> {
  const folder = options.dataDirectory ?? mkdtempSync(join(tmpdir(), 'triage-'))
  const server = await startNodeServer(
    {
      databaseUrl: `file:${join(folder, 'triage.db')}`,
      databaseAuthToken: undefined,
      port: 0,
      host: '127.0.0.1',
      secret: options.secret,
      demoPublishableKey: undefined,
      demoSecretKey: options.demoSecretKey,
      rateLimitPerMinute: options.rateLimitPerMinute ?? 120,
      trustedProxies: options.trustedProxies,
      // Off unless asked: tests send webhooks by calling the dispatcher themselves.
      webhookIntervalMs: options.webhookIntervalMs ?? 0,
      slaSweepIntervalMs: 0,
      smtpUrl: options.smtpUrl,
      notifyFrom: 'Triage tests <triage@localhost>',
      notifyIntervalMs: 100,
      followPollMs: 50,
      similarIndexLimit: options.similarIndexLimit,
      streamsPerReport: options.streamsPerReport,
      streamsPerAddress: options.streamsPerAddress,
      timeouts: { headersMs: options.headersTimeoutMs, requestMs: options.requestTimeoutMs, idleMs: options.idleTimeoutMs },
      attachmentQuotaBytes: options.attachmentQuotaBytes,
      agentAuth: options.agentAuth,
    },
    options.now,
  )
  const secretKey = server.demo.secretKey
  if (!secretKey) throw new Error('a fresh database always creates the demo secret key (pass demoSecretKey for an existing one)')
  return {
    ...server,
    dataDirectory: folder,
    publishableKey: server.demo.publishableKey,
    secretKey,
    async addApp(name, allowedOrigins = []) {
      const { appId, publishableKey, secretKey } = await insertAppWithKeys(server.db, name, allowedOrigins)
      return { appId, publishableKey, secretKey }
    },
    stop: async () => {
      await server.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

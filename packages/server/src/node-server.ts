import { seedClassifier } from '@triage/engine'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { AddressInfo } from 'node:net'
import { createApp } from './app.ts'
import type { DemoKeys } from './bootstrap.ts'
import type { DemoAgent } from './agents/demo-agent.ts'
import { ensureDemoAgent } from './agents/demo-agent.ts'
import { demoAppId, ensureDemoApp, reporterSecret } from './bootstrap.ts'
import type { NodeConfig, ServerTimeouts } from './config.ts'
import { ConfigError, defaultServerTimeouts } from './config.ts'
import { clientAddressFrom, trustedProxies } from './node-client-address.ts'
import { openLibsql } from './storage/open-libsql.ts'
import { notifyReporters, startNotificationCursor } from './jobs/notifications.ts'
import { sweepSla } from './jobs/sla-sweep.ts'
import { sweepRetention } from './jobs/retention-sweep.ts'
import { dispatchWebhooks } from './jobs/webhook-dispatch.ts'
import { serveExamples } from './static-pages.ts'
import { serveConsole } from './console/routes.ts'
import { consoleFilesIn } from './console/node-files.ts'
import type { ServiceContext } from './domain/context.ts'
import type { Database } from './db/database.ts'
import { leasedBlobs } from './storage/blob-leases.ts'
import { databaseBlobs } from './storage/blobs-sql.ts'
import { secretBox } from './security/sealing.ts'
import { sealStoredSecrets } from './storage/sealed-secrets.ts'

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string
  db: Database
  /** The context the app runs with (storage, secret, clock), for background work and tests. */
  services: ServiceContext
  demo: DemoKeys
  /** The demo admin agent, when the configuration asks for one (`npm start` does). */
  demoAgent: DemoAgent | undefined
  close: () => Promise<void>
}

/**
 * Opens storage, makes sure the demo app exists, and serves the API (plus the example page) over
 * HTTP. `npm start` and the integration tests both come through here.
 */
export async function startNodeServer(config: NodeConfig, now: () => number = Date.now): Promise<RunningServer> {
  const proxies = config.trustedProxies?.length ? proxyList(config.trustedProxies) : undefined
  const { db, close: closeDb, repairedText } = await openLibsql({ url: config.databaseUrl, authToken: config.databaseAuthToken })
  if (repairedText > 0)
    console.log(`Repaired ${repairedText} stored texts that were not valid UTF-8 (written before lone surrogates were refused); each broken character now reads as U+FFFD.`)
  const secret = await reporterSecret(db, config.secret)
  const origins = config.port === 0 ? [] : [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`]
  const demo = await ensureDemoApp(db, {
    publishableKey: config.demoPublishableKey,
    secretKey: config.demoSecretKey,
    allowedOrigins: origins,
  })
  const demoAgent = config.demoAgent ? await ensureDemoAgent(db, demoAppId, config.demoAgent, now()) : undefined
  const secrets = secretBox(config.secret)
  await sealStoredSecrets(db, secrets)
  const services: ServiceContext = {
    db,
    reporterSecret: secret,
    now,
    similarIndexLimit: config.similarIndexLimit,
    sendsEmail: config.smtpUrl !== undefined,
    secrets,
    // Attachment bytes in the database file itself: see storage/blobs-sql.ts for why.
    blobs: leasedBlobs(db, databaseBlobs(db)),
    attachmentQuotaBytes: config.attachmentQuotaBytes,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    agentAuth: { ...(config.sessionTtlMs ? { sessionTtlMs: config.sessionTtlMs } : {}), ...config.agentAuth },
  }
  const app = createApp(services, {
    rateLimitPerMinute: config.rateLimitPerMinute,
    clientAddress: (c) => clientAddressFrom(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), proxies),
    follow: { followPollMs: config.followPollMs, streams: { perReport: config.streamsPerReport, perAddress: config.streamsPerAddress } },
  })
  serveExamples(app, demo.publishableKey)
  serveConsole(app, consoleFilesIn(config.consoleDir))

  // nodemailer is loaded only when e-mail is on, so the Workers bundle and plain starts never carry it.
  const notifier = config.smtpUrl ? (await import('./jobs/email/smtp.ts')).createSmtpNotifier(config.smtpUrl, config.notifyFrom) : undefined
  if (notifier) await startNotificationCursor(services)

  // The built-in classifier trains once per process (~70 ms): before listening, not inside the
  // first request that needs it, where it held every other request (bench:scale's read mix).
  seedClassifier()

  const { idleMs, ...serverOptions } = serverTimeouts(config.timeouts)
  // A port in use (or a HOST that is not ours) rejects here, instead of an unhandled 'error' event.
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions }, () => {
      started.off('error', reject)
      resolve(started)
    })
    started.once('error', reject)
  }).catch((error: unknown) => {
    notifier?.close()
    closeDb()
    throw error
  })
  server.setTimeout(idleMs)
  const stopDispatcher =
    config.webhookIntervalMs > 0
      ? everyInterval(() => dispatchWebhooks(services, { allowPrivateNetworks: config.webhookPrivateNetworks ?? false }), config.webhookIntervalMs)
      : () => {}
  // A lease in the database keeps several Node processes on one database from sweeping together.
  const stopSweeper = config.slaSweepIntervalMs > 0 ? everyInterval(() => sweepSla(services), config.slaSweepIntervalMs) : () => {}
  // With the sweep: attachment bytes an upload stored but never wrote its row for, once their lease is over.
  const stopCollector = config.slaSweepIntervalMs > 0 ? everyInterval(() => services.blobs?.collect() ?? Promise.resolve(0), 60_000) : () => {}
  // Retention and erasures cut short: a minute's delay changes nothing for either.
  const stopRetention = config.slaSweepIntervalMs > 0 ? everyInterval(() => sweepRetention(services), 60_000) : () => {}
  const stopNotifier = notifier ? everyInterval(() => notifyReporters(services, notifier), config.notifyIntervalMs ?? 5_000) : () => {}
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${config.host}:${port}`,
    db,
    services,
    demo,
    demoAgent,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopDispatcher()
        stopSweeper()
        stopCollector()
        stopRetention()
        stopNotifier()
        notifier?.close()
        server.close((error) => {
          closeDb()
          if (error) reject(error)
          else resolve()
        })
      }),
  }
}

/**
 * Node's server options for slow clients. Node checks the header and request timeouts only every
 * `connectionsCheckingInterval` (30 s by default), which would let a trickled body live well past
 * its timeout; a quarter of the shorter timeout (at most a second) keeps the cut close to it.
 */
function serverTimeouts(configured: Partial<ServerTimeouts> = {}) {
  const headersMs = configured.headersMs ?? defaultServerTimeouts.headersMs
  const requestMs = Math.max(configured.requestMs ?? defaultServerTimeouts.requestMs, headersMs)
  return {
    headersTimeout: headersMs,
    requestTimeout: requestMs,
    connectionsCheckingInterval: Math.min(1_000, Math.max(50, Math.floor(headersMs / 4))),
    idleMs: configured.idleMs ?? defaultServerTimeouts.idleMs,
  }
}

/** Runs `task` every `ms`, never two at once, without keeping the process alive; returns a stop function. */
function everyInterval(task: () => Promise<unknown>, ms: number): () => void {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    task()
      .catch((error: unknown) => console.error('background task failed:', error))
      .finally(() => {
        running = false
      })
  }, ms)
  timer.unref()
  return () => clearInterval(timer)
}

/** `TRIAGE_TRUSTED_PROXIES`, checked before anything opens. */
function proxyList(entries: string[]) {
  try {
    return trustedProxies(entries)
  } catch (error) {
    throw new ConfigError(`TRIAGE_TRUSTED_PROXIES must list your proxies' addresses or networks, comma-separated: ${(error as Error).message}`)
  }
}

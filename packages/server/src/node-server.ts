import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { AddressInfo } from 'node:net'
import { createApp } from './app.ts'
import type { DemoKeys } from './bootstrap.ts'
import { ensureDemoApp, reporterSecret } from './bootstrap.ts'
import type { NodeConfig } from './config.ts'
import { openLibsql } from './db/libsql.ts'
import { serveExamples } from './static-pages.ts'
import type { Database } from './storage/database.ts'

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string
  db: Database
  demo: DemoKeys
  close: () => Promise<void>
}

/**
 * Opens storage, makes sure the demo app exists, and serves the API (plus the example page) over
 * HTTP. `npm start` and the integration tests both come through here.
 */
export async function startNodeServer(config: NodeConfig, now: () => number = Date.now): Promise<RunningServer> {
  const { db, close: closeDb } = await openLibsql({ url: config.databaseUrl, authToken: config.databaseAuthToken })
  const secret = await reporterSecret(db, config.secret)
  const origins = config.port === 0 ? [] : [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`]
  const demo = await ensureDemoApp(db, {
    publishableKey: config.demoPublishableKey,
    secretKey: config.demoSecretKey,
    allowedOrigins: origins,
  })
  const app = createApp(
    { db, reporterSecret: secret, now },
    { rateLimitPerMinute: config.rateLimitPerMinute, clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown' },
  )
  serveExamples(app, demo.publishableKey)

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(started))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${config.host}:${port}`,
    db,
    demo,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          closeDb()
          if (error) reject(error)
          else resolve()
        })
      }),
  }
}

/**
 * Node entry: `npm start`. Reads the configuration from the environment (see README), serves the
 * API and the example page, and prints the demo keys and where to go next. A failure to start is
 * one line on stderr (what, why, what to do; never a secret) and exit code 1.
 */
import type { NodeConfig } from './config.ts'
import { readNodeConfig } from './config.ts'
import { startNodeServer } from './node-server.ts'
import { startupBanner } from './startup-banner.ts'
import { describeStartupFailure, startupSettings } from './startup-failure.ts'

let config: NodeConfig | undefined
try {
  config = readNodeConfig(process.env)
  const server = await startNodeServer(config)
  console.log(startupBanner({ url: server.url, databaseUrl: config.databaseUrl, demo: server.demo, demoAgent: server.demoAgent }))
  const stop = async () => {
    await server.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  console.error(describeStartupFailure(error, startupSettings(process.env, config)))
  // The whole error on request only: a failed query's parameters may hold a secret.
  if (process.env['TRIAGE_DEBUG'] === '1') console.error(error)
  process.exit(1)
}

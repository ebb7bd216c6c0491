// `npm start`: check what can fail in a second before spending a build on it, build the browser
// packages only when their inputs changed (content hashes, see build-fingerprint.ts), then serve
// (packages/server/src/node.ts).
// Each failure is one line (packages/server/src/startup-failure.ts) and exit code 1.
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { NodeConfig } from '../packages/server/src/config.ts'
import { readNodeConfig } from '../packages/server/src/config.ts'
import { describeStartupFailure, startupSettings } from '../packages/server/src/startup-failure.ts'
import { buildStatus, staleBecause } from './build.ts'

/** Listens on the port for a moment: a port in use (or a HOST that is not ours) fails here, before a build. */
function probePort(config: NodeConfig): Promise<void> {
  if (config.port === 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen({ port: config.port, host: config.host, exclusive: true }, () => probe.close(() => resolve()))
  })
}

let config: NodeConfig | undefined
try {
  config = readNodeConfig(process.env)
  await probePort(config)
} catch (error) {
  console.error(describeStartupFailure(error, startupSettings(process.env, config)))
  process.exit(1)
}

// The build runs in its own process, so the server does not keep the build's memory (over 1 GB).
const checking = performance.now()
const reasons = staleBecause()
console.log(buildStatus(reasons, performance.now() - checking))
if (reasons.length > 0 && spawnSync(process.execPath, [fileURLToPath(new URL('build.ts', import.meta.url))], { stdio: 'inherit' }).status !== 0) {
  console.error('Triage cannot start: the build of the widget and the SDK failed (above). Fix it, then npm start again.')
  process.exit(1)
}

await import('../packages/server/src/node.ts')

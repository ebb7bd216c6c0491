/**
 * Node entry: `npm start`. Reads the configuration from the environment (see README), serves the
 * API and the example page, and prints the demo keys.
 */
import { readNodeConfig } from './config.ts'
import { startNodeServer } from './node-server.ts'

const config = readNodeConfig(process.env)
const server = await startNodeServer(config)
const { demo } = server

console.log(`Triage API listening on ${server.url} (database ${config.databaseUrl})`)
console.log(`  example page with the widget: ${server.url}/`)
console.log(`  OpenAPI document:             ${server.url}/openapi.json`)
console.log(`  demo publishable key: ${demo.publishableKey}`)
console.log(
  demo.secretKey
    ? `  demo admin secret key: ${demo.secretKey}${demo.created ? '   (shown once: only its hash is stored)' : ''}`
    : '  demo admin secret key: printed at the first start (only its hash is stored); set TRIAGE_DEMO_SK to choose one',
)

const stop = async () => {
  await server.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

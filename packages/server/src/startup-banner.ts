import type { DemoAgent } from './agents/demo-agent.ts'
import type { DemoKeys } from './bootstrap.ts'
import { databaseLocation } from './startup-failure.ts'

/** The README section with the curl examples the banner points to (a test checks that it exists). */
export const curlExamplesSection = 'Call the API'

/**
 * What `npm start` prints once it serves: where everything is, the demo keys, and the next steps
 * (the curl examples, how an agent works today, the API reference). The database is named without
 * credentials; the admin secret key appears only when it was just created or given.
 */
export function startupBanner(options: { url: string; databaseUrl: string; demo: DemoKeys; demoAgent?: DemoAgent | undefined }): string {
  const { url, demo, demoAgent } = options
  const secretKey = demo.secretKey
    ? `  demo admin secret key: ${demo.secretKey}${demo.created ? '   (shown once: only its hash is stored)' : ''}`
    : '  demo admin secret key: printed at the first start (only its hash is stored); set TRIAGE_DEMO_SK to choose one'
  const agentSignIn = demoAgent
    ? [`  demo admin agent:     ${demoAgent.email} / ${demoAgent.password ?? '(changed since the first start; set TRIAGE_DEMO_AGENT_PASSWORD to choose it again)'}`]
    : []
  return [
    `Triage is up at ${url} (database ${databaseLocation(options.databaseUrl)})`,
    `  example page with the widget: ${url}/`,
    `  agents' console:              ${url}/console`,
    `  API:                          ${url}/v1/…`,
    `  demo publishable key: ${demo.publishableKey}`,
    secretKey,
    ...agentSignIn,
    '',
    'Next steps',
    `  1. File, follow and work a report with curl: README.md, section "${curlExamplesSection}" (PK and SK are the keys above).`,
    `  2. Agents work in the console at ${url}/console${demoAgent ? ' (sign in with the demo admin agent above)' : ''}, or through the API with a secret key.`,
    `     Invite an agent (a link to set a password): npm run triage -- agents invite --email lea@example.com --role l1 --name "Lea"`,
    `  3. API reference: ${url}/openapi.json (OpenAPI 3.1); error types: docs/problems.md`,
  ].join('\n')
}

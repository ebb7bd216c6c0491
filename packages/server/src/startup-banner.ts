import type { DemoKeys } from './bootstrap.ts'
import { demoAppId } from './bootstrap.ts'
import { databaseLocation } from './startup-failure.ts'

/** The README section with the curl examples the banner points to (a test checks that it exists). */
export const curlExamplesSection = 'Call the API'

/**
 * What `npm start` prints once it serves: where everything is, the demo keys, and the next steps
 * (the curl examples, how an agent works today, the API reference). The database is named without
 * credentials; the admin secret key appears only when it was just created or given.
 */
export function startupBanner(options: { url: string; databaseUrl: string; demo: DemoKeys }): string {
  const { url, demo } = options
  const secretKey = demo.secretKey
    ? `  demo admin secret key: ${demo.secretKey}${demo.created ? '   (shown once: only its hash is stored)' : ''}`
    : '  demo admin secret key: printed at the first start (only its hash is stored); set TRIAGE_DEMO_SK to choose one'
  return [
    `Triage is up at ${url} (database ${databaseLocation(options.databaseUrl)})`,
    `  example page with the widget: ${url}/`,
    `  API:                          ${url}/v1/…`,
    `  demo publishable key: ${demo.publishableKey}`,
    secretKey,
    '',
    'Next steps',
    `  1. File, follow and work a report with curl: README.md, section "${curlExamplesSection}" (PK and SK are the keys above).`,
    "  2. Agents work through the API with a secret key (Authorization: Bearer sk_…); an agents' console is not part of Triage yet.",
    `     One key per agent and role: npm run triage -- keys create --app ${demoAppId} --role l1 --name "Lea"`,
    `  3. API reference: ${url}/openapi.json (OpenAPI 3.1); error types: docs/problems.md`,
  ].join('\n')
}

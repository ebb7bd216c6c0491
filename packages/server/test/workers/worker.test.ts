/**
 * The Workers build in real workerd (see workers-target.ts): the shared HTTP flows, with the same
 * assertions as on Node, plus what only concerns the bundle. wrangler and workerd start once for
 * the whole file.
 */
import { expect, it } from 'vitest'
import { describeHttpFlows } from '../flows/http-flows.ts'
import type { WorkersTarget } from './workers-target.ts'
import { startWorkersTarget } from './workers-target.ts'

let target: WorkersTarget
describeHttpFlows(async () => (target = await startWorkersTarget()))

it('bundles without Node.js built-ins, so it needs no nodejs_compat flag', () => {
  expect(target.build).toMatch(/Total Upload/)
  expect(target.build).not.toMatch(/nodejs_compat/)
})

it('counts public rate limits through the RATE_LIMITER binding of wrangler.toml, not per isolate', () => {
  expect(target.output()).toMatch(/env\.RATE_LIMITER\b.*Rate Limit/)
  expect(target.output()).not.toContain('No RATE_LIMITER binding')
})

it('keeps attachment bytes in the ATTACHMENTS R2 bucket of wrangler.toml (simulated locally by wrangler)', () => {
  expect(target.output()).toMatch(/env\.ATTACHMENTS \(triage-attachments\)\s+R2 Bucket/)
  expect(target.output()).not.toContain('No ATTACHMENTS binding')
})

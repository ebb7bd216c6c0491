import { sweepRetention } from '../../src/jobs/retention-sweep.ts'
import { sweepSla } from '../../src/jobs/sla-sweep.ts'
import { dispatchWebhooks } from '../../src/jobs/webhook-dispatch.ts'
import { startTestServer } from '../harness.ts'
import { seedFlowFixture } from './fixture.ts'
import type { FlowTarget } from './target.ts'

/** The Node server (`npm start`'s) on a fresh libSQL file, seeded with the flows' fixture. */
export async function startNodeTarget(): Promise<FlowTarget> {
  const server = await startTestServer()
  const fixture = await seedFlowFixture(server.db)
  return {
    runtime: 'Node',
    url: server.url,
    fixture,
    // What node-server.ts runs on its intervals.
    runScheduled: async () =>
      void (await Promise.all([sweepSla(server.services), sweepRetention(server.services).then(() => dispatchWebhooks(server.services)), dispatchWebhooks(server.services)])),
    output: () => '',
    stop: server.stop,
  }
}

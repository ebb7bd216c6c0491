import type { FlowFixture } from './fixture.ts'

/** A running Triage server the shared HTTP flows drive: the Node server or the Worker in workerd. */
export interface FlowTarget {
  runtime: 'Node' | 'Workers'
  url: string
  fixture: FlowFixture
  /** Runs what the runtime's scheduler runs (the SLA sweep, webhook retries) and resolves when it is done. */
  runScheduled: () => Promise<void>
  /** What the server printed, to explain a failure. */
  output: () => string
  stop: () => Promise<void>
}

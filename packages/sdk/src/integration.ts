import type { ReportContext } from '@triage/protocol'

/** What an integration learns about the client it joins. */
export interface IntegrationHost {
  /** The API base URL, so hooks can leave the SDK's own requests out. */
  endpoint: string
}

/**
 * An optional module passed in `createTriage({ integrations })`, e.g. `breadcrumbs()`. It lives
 * in its own entry point, so apps that do not use it do not download it.
 */
export interface TriageIntegration {
  name: string
  /** Installs the integration's hooks; answers what removes them (`client.close()` calls it). */
  setup(host: IntegrationHost): () => void
  /** Adds to each report's context, before scrubbing and `beforeSend`. */
  context?(): Partial<ReportContext>
}

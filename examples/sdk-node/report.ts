// Report a failure from server-side code with the Triage SDK.
//   TRIAGE_ENDPOINT=http://127.0.0.1:8787 TRIAGE_KEY=pk_… node examples/sdk-node/report.ts
// (`npm start` prints the demo publishable key; `npm run build` makes the SDK this imports.)
import { createTriage, TriageError } from '@triage/sdk'

const endpoint = process.env['TRIAGE_ENDPOINT'] ?? 'http://127.0.0.1:8787'
const key = process.env['TRIAGE_KEY']
if (!key) {
  console.error('Set TRIAGE_KEY to your publishable key (pk_…); `npm start` prints the demo one.')
  process.exit(2)
}

const triage = createTriage({ endpoint, key, app: { version: '1.4.0', environment: 'example' } })

/** The job that fails, as a real one would. */
async function exportInvoices(): Promise<void> {
  throw new Error('ENOSPC: no space left on device, write /exports/invoices-2026-11.csv')
}

try {
  await exportInvoices()
} catch (error) {
  const failure = error instanceof Error ? error : new Error(String(error))
  try {
    const report = await triage.report({
      symptoms: `The monthly invoice export failed: ${failure.message}`,
      // Scrubbed like any context (tokens, keys, card numbers) before it is sent.
      context: { job: 'export-invoices', stack: failure.stack },
    })
    if (report.status === 'queued') {
      // In Node the offline queue lives in memory: a short script cannot wait for the network to
      // come back, so it says so (a long-lived server would call triage.flush() later).
      console.error(`Could not reach ${endpoint}: the report waits in memory and is lost when this script ends.`)
      process.exitCode = 1
    } else console.log(`Reported as ${report.number} (priority ${report.priority}, ${report.status}).`)
  } catch (reportError) {
    if (reportError instanceof TriageError) console.error(`Could not report it (${reportError.code}): ${reportError.detail}`)
    else console.error(reportError)
    process.exitCode = 1
  }
}

/**
 * The client's parts that come on first use, each by a dynamic `import()` that an app's bundler
 * splits into a file of its own: following a report (`follow.ts`), the reporter's list of reports
 * (`my-reports.ts`), and a report's files: the store that keeps a queued report's across page loads,
 * and the multipart bodies that carry them (`files.ts`). A bundle that cannot split (the widget's
 * script-tag panels, one IIFE each) brings them with a chunk of its own, which bundles this entry;
 * it resolves only inside the monorepo (the `@triage/source` condition), so apps never see it.
 * Such a chunk borrows what the parts import from the client that loads them ({@link LaterPartsShare}):
 * one `TriageError` class, so `instanceof` holds across, and no second copy of the transport.
 */
export { fileForm, forgetFiles, keepFiles, keptFiles, reportForm } from './files.ts'
export { followReport } from './follow.ts'
export { listMyReports } from './my-reports.ts'
import { TriageError } from './errors.ts'
import { backoff, retryPolicy, withRetry } from './retry.ts'
import { send, sendRaw } from './transport.ts'

/** What the later parts import from the rest of the SDK, as the client that loads them has it. */
export const laterPartsShare = { TriageError, backoff, retryPolicy, withRetry, send, sendRaw }
export type LaterPartsShare = typeof laterPartsShare

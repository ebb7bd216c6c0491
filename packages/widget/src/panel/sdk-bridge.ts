import type { LaterPartsShare } from '@triage/sdk/later-parts'

// Stands in for the SDK's errors.ts, retry.ts and transport.ts in a chunk's copy of the SDK's later
// parts (rollup.config.mjs, `sdkBridge`), as jsx-bridge.ts does for Preact: set by `useSdk` before
// any of that code runs, so a chunk carries no second TriageError (instanceof holds) nor transport.
export let TriageError: LaterPartsShare['TriageError']
export let backoff: LaterPartsShare['backoff']
export let retryPolicy: LaterPartsShare['retryPolicy']
export let withRetry: LaterPartsShare['withRetry']
export let send: LaterPartsShare['send']
export let sendRaw: LaterPartsShare['sendRaw']

/** Makes the chunk's SDK code run on the panel's own SDK. */
export function useSdk(share: LaterPartsShare): void {
  ;({ TriageError, backoff, retryPolicy, withRetry, send, sendRaw } = share)
}

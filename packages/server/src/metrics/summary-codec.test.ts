import { expect, it } from 'vitest'
import { decodeSummary, encodeSummary } from './summary-codec.ts'
import { summarize } from './summary.ts'

it('stores a summary as text and reads back the same counts, pending due times and sorted durations', () => {
  const ticket = { tier: 'L1', priority: 'P3', category: 'access', createdAt: 0, firstResponseDueAt: 3_600_000, resolutionDueAt: 86_400_000 }
  const summary = summarize(
    [
      { ...ticket, firstResponseAt: 120_000, resolvedAt: null },
      { ...ticket, category: 'bug', firstResponseAt: 7_200_000, resolvedAt: 90_000_000 },
      { ...ticket, firstResponseAt: null, resolvedAt: null, firstResponseDueAt: 10 ** 13 },
    ],
    100_000_000,
  )
  const encoded = encodeSummary(summary)
  expect(typeof encoded.summary).toBe('string')
  expect(decodeSummary(encoded)).toEqual(summary)
  expect(summary.get('*')?.firstResponse).toMatchObject({ met: 1, breached: 1, pending: [10 ** 13] })
  expect([...(summary.get('*')?.firstResponse.durations ?? [])]).toEqual([20, 1200])
})

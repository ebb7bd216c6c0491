import { expect, it } from 'vitest'
import { decodeSummary, encodeSummary, fromBase64, toBase64 } from './summary-codec.ts'
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

it('writes the same base64 as btoa (what Workers use), and reads it back, at any length and offset', () => {
  const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256)
  for (const part of [bytes, bytes.subarray(1), bytes.subarray(5, 9), bytes.subarray(0, 0)]) {
    let binary = ''
    for (let at = 0; at < part.length; at += 0x8000) binary += String.fromCharCode(...part.subarray(at, at + 0x8000))
    expect(toBase64(part)).toBe(btoa(binary))
    const back = fromBase64(btoa(binary))
    expect(back.byteOffset % 4).toBe(0)
    expect([...back]).toEqual([...part])
  }
})

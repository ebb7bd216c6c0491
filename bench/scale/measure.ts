/** Timing helpers for the scale bench: percentiles of repeated requests. */

export interface Percentiles {
  p50: number
  p95: number
  p99: number
  max: number
  count: number
}

/** Nearest-rank percentiles of durations in ms, rounded to 0.1 ms. */
export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (share: number) => {
    const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN
    return Math.round(value * 10) / 10
  }
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), count: sorted.length }
}

/** One timed GET; fails loudly on anything but the expected status, so a broken route cannot look fast. */
export async function timedGet(url: string, headers: Record<string, string>, expect = 200): Promise<{ ms: number; body: string }> {
  const started = performance.now()
  const response = await fetch(url, { headers })
  const body = await response.text()
  const ms = performance.now() - started
  if (response.status !== expect) throw new Error(`GET ${url} answered ${response.status}, not ${expect}: ${body.slice(0, 300)}`)
  return { ms, body }
}

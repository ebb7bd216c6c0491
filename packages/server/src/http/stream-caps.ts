/** How many live streams one report and one client address may hold at once. */
export interface StreamCapOptions {
  /** Streams per report (its reporter token): a few tabs. Default 5. */
  perReport?: number
  /** Streams per client address (an IPv6 /64 counts as one), across reports: an office behind one NAT. Default 50. */
  perAddress?: number
}

export const defaultStreamCaps = { perReport: 5, perAddress: 50 } as const satisfies Required<StreamCapOptions>

/**
 * Counts open event streams so no one caller can hold the server's memory and sockets: past a
 * cap, a new stream is refused (429) until one of the caller's own streams closes. Counts are per
 * process on Node, per isolate on Workers.
 *
 * @example
 * const caps = streamCaps({ perReport: 5 })
 * const release = caps.open(reportId, address)
 * if (!release) return tooManyStreams()
 * try { await serve() } finally { release() }
 */
export function streamCaps(options: StreamCapOptions = {}) {
  const { perReport, perAddress } = { ...defaultStreamCaps, ...options } satisfies Required<StreamCapOptions>
  const byReport = new Map<string, number>()
  const byAddress = new Map<string, number>()
  const add = (counts: Map<string, number>, key: string, delta: number) => {
    const count = (counts.get(key) ?? 0) + delta
    if (count > 0) counts.set(key, count)
    else counts.delete(key)
  }
  return {
    /** Takes a slot for one stream; undefined when a cap is reached. Call the returned function once, when the stream ends. */
    open(report: string, address: string): (() => void) | undefined {
      if ((byReport.get(report) ?? 0) >= perReport || (byAddress.get(address) ?? 0) >= perAddress) return undefined
      add(byReport, report, 1)
      add(byAddress, address, 1)
      let released = false
      return () => {
        if (released) return
        released = true
        add(byReport, report, -1)
        add(byAddress, address, -1)
      }
    },
  }
}

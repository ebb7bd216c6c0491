import type { Breadcrumb } from '@triage/protocol'

/**
 * The last breadcrumbs, bounded twice: at most `max` of them and `maxBytes` of JSON (UTF-8).
 * The oldest go first; one breadcrumb larger than the whole budget is not kept.
 */
export function createRingBuffer(max: number, maxBytes: number) {
  const encoder = new TextEncoder()
  let items: { crumb: Breadcrumb; bytes: number }[] = []
  let bytes = 0
  return {
    push(crumb: Breadcrumb): void {
      const size = encoder.encode(JSON.stringify(crumb)).length
      if (size > maxBytes) return
      items.push({ crumb, bytes: size })
      bytes += size
      while (items.length > max || bytes > maxBytes) bytes -= items.shift()?.bytes ?? 0
    },
    list: (): Breadcrumb[] => items.map((item) => item.crumb),
    /** The JSON size of what is kept, in bytes. */
    bytes: () => bytes,
    clear(): void {
      items = []
      bytes = 0
    },
  }
}

/**
 * A summary as two text columns: the counts and pending due times as JSON, and every group's
 * sorted durations as one base64 string of little-endian 32-bit integers (a year of durations
 * would be megabytes of JSON numbers to parse; this decodes in a copy). Text, not a blob, so
 * libSQL and D1 hand back the same thing.
 */
import type { Summary } from './summary.ts'

interface StoredGroup {
  key: string
  tickets: number
  /** [met, breached, pending due times, number of durations] for first response, then resolution. */
  targets: [number, number, number[], number][]
}

export interface EncodedSummary {
  summary: string
  durations: string
}

export function encodeSummary(summary: Summary): EncodedSummary {
  const groups: StoredGroup[] = []
  const arrays: Int32Array[] = []
  for (const [key, part] of summary) {
    const targets = [part.firstResponse, part.resolution].map((target): [number, number, number[], number] => {
      arrays.push(target.durations)
      return [target.met, target.breached, target.pending, target.durations.length]
    })
    groups.push({ key, tickets: part.tickets, targets })
  }
  const all = new Int32Array(arrays.reduce((sum, array) => sum + array.length, 0))
  let at = 0
  for (const array of arrays) {
    all.set(array, at)
    at += array.length
  }
  return { summary: JSON.stringify(groups), durations: toBase64(littleEndian(all)) }
}

export function decodeSummary(encoded: EncodedSummary): Summary {
  const groups = JSON.parse(encoded.summary) as StoredGroup[]
  const all = fromLittleEndian(fromBase64(encoded.durations))
  let at = 0
  const next = (length: number) => all.subarray(at, (at += length))
  const summary: Summary = new Map()
  for (const group of groups) {
    const [firstResponse, resolution] = group.targets.map(([met, breached, pending, length]) => ({ met, breached, pending, durations: next(length) }))
    if (!firstResponse || !resolution) throw new Error(`metric summary group ${group.key} lacks a target`)
    summary.set(group.key, { tickets: group.tickets, firstResponse, resolution })
  }
  return summary
}

// Typed arrays use the platform's byte order; every platform Node and Workers run on is little-endian,
// which this checks once rather than converting every value.
const platformIsLittleEndian = new Uint8Array(Int32Array.of(1).buffer)[0] === 1

function littleEndian(values: Int32Array): Uint8Array {
  if (!platformIsLittleEndian) throw new Error('metric rollups need a little-endian platform')
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
}

function fromLittleEndian(bytes: Uint8Array): Int32Array {
  if (!platformIsLittleEndian) throw new Error('metric rollups need a little-endian platform')
  if (bytes.byteLength % 4 !== 0) throw new Error('stored metric durations are not whole 32-bit values')
  // fromBase64 makes a fresh buffer, so the view starts aligned.
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
}

// Node's Buffer encodes ~10× faster than btoa over a binary string (a year's rollups are megabytes:
// 3 s of a 1M-incident backfill went to base64); Workers, without nodejs_compat, use btoa/atob.
// Both write and read the same standard base64, so either runtime reads what the other wrote.
const NodeBuffer = (
  globalThis as { Buffer?: { from(data: ArrayBufferLike | string, offsetOrEncoding?: number | 'base64', length?: number): Uint8Array & { toString(encoding: 'base64'): string } } }
).Buffer

export function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
  // Chunks keep the argument lists of fromCharCode short.
  let binary = ''
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(binary)
}

export function fromBase64(text: string): Uint8Array {
  // A copy: Node's Buffer may sit at any offset of a shared pool, and the durations' view needs one aligned to 4.
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(text, 'base64'))
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

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

// btoa/atob exist on Node and Workers; chunks keep the argument lists of fromCharCode short.
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

import type { LinearModel } from './linear-model.ts'
import { weightStep } from './linear-model.ts'

// The weights of a trained model are mostly zero (pruned) and all on a grid of `weightStep`, so
// they are stored as integers, bucket by bucket, skipping empty buckets:
//   varint(gap to the previous non-empty bucket) · one bit per label saying which weights follow ·
//   zigzag varint(weight / weightStep) for each of them,
// then the bytes in base64. Varints are LEB128, as in Protocol Buffers
// (https://protobuf.dev/programming-guides/encoding/#varints).

/**
 * The non-zero weights of `model` as a base64 string.
 *
 * @param model weights on the grid of `weightStep`
 */
export function encodeWeights(model: LinearModel): string {
  const k = model.labels.length
  const maskBytes = Math.ceil(k / 8)
  const out = new ByteWriter()
  let previous = -1
  for (let bucket = 0; bucket < model.dimension; bucket++) {
    const base = bucket * k
    let empty = true
    for (let c = 0; c < k && empty; c++) empty = model.weights[base + c] === 0
    if (empty) continue
    out.varint(bucket - previous - 1)
    previous = bucket
    for (let byte = 0; byte < maskBytes; byte++) {
      let bits = 0
      for (let bit = 0; bit < 8 && byte * 8 + bit < k; bit++) if (model.weights[base + byte * 8 + bit] !== 0) bits |= 1 << bit
      out.byte(bits)
    }
    for (let c = 0; c < k; c++) {
      const steps = Math.round(model.weights[base + c]! / weightStep)
      if (model.weights[base + c] !== 0) out.varint(steps >= 0 ? steps * 2 : -steps * 2 - 1)
    }
  }
  return toBase64(out.bytes())
}

/**
 * The weights written by `encodeWeights`, bucket-major over `dimension` buckets and `k` labels.
 *
 * @throws TypeError when the text is not such an encoding
 */
export function decodeWeights(encoded: string, dimension: number, k: number): Float32Array {
  const bytes = fromBase64(encoded)
  const weights = new Float32Array(dimension * k)
  const maskBytes = Math.ceil(k / 8)
  let at = 0
  const varint = () => {
    let value = 0
    let factor = 1
    for (;;) {
      if (at >= bytes.length) throw new TypeError('The classifier weights end early: the saved state is cut or damaged')
      const byte = bytes[at++]!
      value += (byte & 0x7f) * factor
      if (byte < 0x80) return value
      factor *= 128
    }
  }
  let bucket = -1
  while (at < bytes.length) {
    bucket += varint() + 1
    if (bucket >= dimension) throw new TypeError('The classifier weights name a bucket beyond the model: the saved state is damaged')
    const masks = bytes.subarray(at, at + maskBytes)
    at += maskBytes
    for (let c = 0; c < k; c++) {
      if ((masks[c >> 3]! & (1 << (c & 7))) === 0) continue
      const zigzag = varint()
      weights[bucket * k + c] = (zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2) * weightStep
    }
  }
  return weights
}

class ByteWriter {
  private buffer = new Uint8Array(1 << 16)
  private length = 0

  byte(value: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2)
      grown.set(this.buffer)
      this.buffer = grown
    }
    this.buffer[this.length++] = value
  }

  varint(value: number): void {
    while (value >= 0x80) {
      this.byte((value % 128) | 0x80)
      value = Math.floor(value / 128)
    }
    this.byte(value)
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }
}

// btoa and atob are Web standard APIs: they exist in browsers, Workers and Node alike.
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  let binary: string
  try {
    binary = atob(text)
  } catch {
    throw new TypeError('The classifier weights are not base64: the saved state is damaged')
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

import { crc32, deflateSync } from 'node:zlib'

/** A colour as red, green and blue, 0–255 each. */
export type Rgb = readonly [number, number, number]

/** One PNG chunk: length, type, data, CRC-32 of type and data (PNG 1.2, section 5.3). */
function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

/**
 * A real, opaque 8-bit RGB PNG of `width` × `height`, each pixel from `paint(x, y)`: pictures for
 * the attachments of tests and screenshots, made here rather than checked in.
 * @example
 * const red = png(2, 2, () => [255, 0, 0])
 */
export function png(width: number, height: number, paint: (x: number, y: number) => Rgb): Uint8Array<ArrayBuffer> {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits a channel, RGB, deflate, no filter method variant, not interlaced
  const rows = Buffer.alloc(height * (1 + width * 3))
  for (let y = 0; y < height; y++) {
    const start = y * (1 + width * 3) // each row starts with its filter type, 0 (none)
    for (let x = 0; x < width; x++) rows.set(paint(x, y), start + 1 + x * 3)
  }
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ])
  return new Uint8Array(file.buffer.slice(file.byteOffset, file.byteOffset + file.length))
}

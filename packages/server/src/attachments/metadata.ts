import type { AttachmentContentType } from '@triage/protocol'

/**
 * Removes what a photo says about where and by whom it was taken before it is stored: EXIF (GPS
 * position, camera serial, time), XMP and IPTC in a JPEG; `eXIf` and text chunks in a PNG; `EXIF`
 * and `XMP ` chunks in a WebP. The picture itself is left byte for byte. A JPEG's orientation is
 * kept (in a minimal EXIF block of its own), so a phone photo is not shown on its side.
 *
 * @returns the bytes to store (the same array when there was nothing to remove), or undefined when
 *   the file is damaged where its metadata should be: it is then refused rather than stored unread
 */
export function stripMetadata(bytes: Uint8Array, contentType: AttachmentContentType): Uint8Array | undefined {
  if (contentType === 'image/jpeg') return stripJpeg(bytes)
  if (contentType === 'image/png') return stripPng(bytes)
  if (contentType === 'image/webp') return stripWebp(bytes)
  return bytes
}

const u16 = (bytes: Uint8Array, at: number, littleEndian = false) =>
  littleEndian ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) : ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0)
const u32 = (bytes: Uint8Array, at: number, littleEndian = false) =>
  littleEndian ? u16(bytes, at, true) + u16(bytes, at + 2, true) * 0x10000 : u16(bytes, at) * 0x10000 + u16(bytes, at + 2)

function concat(parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
  let offset = 0
  for (const part of parts) {
    whole.set(part, offset)
    offset += part.byteLength
  }
  return whole
}

const APP1 = 0xe1
const APP13 = 0xed
const COM = 0xfe
const SOS = 0xda
const exifHeader = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00] // "Exif\0\0"

/**
 * JPEG (ITU T.81 §B.1.1): SOI, then marker segments, each `FF xx` and a two-byte length that
 * counts itself, up to SOS, after which the entropy-coded picture runs to the end. APP1 (EXIF,
 * XMP), APP13 (Photoshop/IPTC) and COM segments are dropped; every other segment (JFIF, ICC
 * colour profile, Adobe, the tables and the frame) is copied as it is.
 */
function stripJpeg(bytes: Uint8Array): Uint8Array | undefined {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)]
  let orientation: number | undefined
  let removed = false
  let at = 2
  for (;;) {
    if (bytes[at] !== 0xff) return undefined
    // Fill bytes: any number of FF may precede a marker.
    while (bytes[at + 1] === 0xff) at++
    const marker = bytes[at + 1]
    if (marker === undefined || at + 4 > bytes.length) return undefined
    const length = u16(bytes, at + 2)
    if (length < 2 || at + 2 + length > bytes.length) return undefined
    const segment = bytes.subarray(at, at + 2 + length)
    if (marker === SOS) {
      kept.push(bytes.subarray(at))
      break
    }
    if (marker === APP1 || marker === APP13 || marker === COM) {
      removed = true
      if (marker === APP1 && exifHeader.every((byte, i) => segment[4 + i] === byte)) orientation ??= exifOrientation(segment.subarray(10))
    } else {
      kept.push(segment)
    }
    at += 2 + length
  }
  if (!removed) return bytes
  // The orientation goes right after SOI and any APP0 (JFIF wants to come first).
  const app0 = kept[1]?.[1] === 0xe0 ? 2 : 1
  if (orientation !== undefined && orientation !== 1) kept.splice(app0, 0, orientationSegment(orientation))
  return concat(kept)
}

/** Orientation (tag 0x0112) of IFD0 in a TIFF structure (EXIF 2.3 §4.6.2), if it is there and sane. */
function exifOrientation(tiff: Uint8Array): number | undefined {
  const littleEndian = tiff[0] === 0x49 && tiff[1] === 0x49
  if (!littleEndian && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return undefined
  const ifd = u32(tiff, 4, littleEndian)
  const count = u16(tiff, ifd, littleEndian)
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.length) return undefined
    if (u16(tiff, entry, littleEndian) === 0x0112) {
      const value = u16(tiff, entry + 8, littleEndian)
      return value >= 1 && value <= 8 ? value : undefined
    }
  }
  return undefined
}

/** An APP1 segment holding EXIF with one tag, the orientation: nothing else about the photo. */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]
  const payload = [...exifHeader, ...tiff]
  const length = payload.length + 2
  return new Uint8Array([0xff, APP1, length >> 8, length & 0xff, ...payload])
}

/** PNG chunks that carry metadata rather than the picture (PNG 3rd edition §11.3). */
const pngMetadata = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME'])

/** PNG (ISO 15948): an 8-byte signature, then chunks of length, type, data and CRC. */
function stripPng(bytes: Uint8Array): Uint8Array | undefined {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)]
  let removed = false
  let at = 8
  while (at < bytes.length) {
    if (at + 12 > bytes.length) return undefined
    const length = u32(bytes, at)
    const end = at + 12 + length
    if (end > bytes.length) return undefined
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    if (pngMetadata.has(type)) removed = true
    else kept.push(bytes.subarray(at, end))
    at = end
    if (type === 'IEND') break
  }
  return removed ? concat(kept) : bytes
}

/**
 * WebP (RFC 9649): a RIFF container of chunks (four-character type, little-endian size, data
 * padded to an even length). `EXIF` and `XMP ` chunks go, and the VP8X header's flags that
 * announce them are cleared; the RIFF size is written anew.
 */
function stripWebp(bytes: Uint8Array): Uint8Array | undefined {
  const chunks: Uint8Array[] = []
  let removed = false
  let at = 12
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return undefined
    const size = u32(bytes, at + 4, true)
    const end = at + 8 + size + (size % 2)
    if (at + 8 + size > bytes.length) return undefined
    const type = String.fromCharCode(...bytes.subarray(at, at + 4))
    if (type === 'EXIF' || type === 'XMP ') removed = true
    else chunks.push(bytes.subarray(at, Math.min(end, bytes.length)))
    at = end
  }
  if (!removed) return bytes
  const vp8x = chunks.find((chunk) => String.fromCharCode(...chunk.subarray(0, 4)) === 'VP8X')
  if (vp8x) {
    const flags = new Uint8Array(vp8x)
    flags[8] = (flags[8] ?? 0) & ~0x0c
    chunks[chunks.indexOf(vp8x)] = flags
  }
  const body = concat(chunks)
  const header = new Uint8Array(12)
  header.set(bytes.subarray(0, 4))
  new DataView(header.buffer).setUint32(4, body.byteLength + 4, true)
  header.set(bytes.subarray(8, 12), 8)
  return concat([header, body])
}

import type { AttachmentContentType } from '@triage/protocol'

/** What the first bytes of a file say it is, or why it is refused. */
export type FileTypeVerdict = { ok: true; contentType: AttachmentContentType } | { ok: false; reason: string }

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte)
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

/**
 * Binary formats by their signatures (WHATWG MIME Sniffing §6.1, "image type pattern matching";
 * PDF: ISO 32000 §7.5.2). A WebP is a RIFF container whose form type is `WEBP`.
 */
const signatures: { contentType: AttachmentContentType; matches: (bytes: Uint8Array) => boolean }[] = [
  { contentType: 'image/png', matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: 'image/jpeg', matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
  { contentType: 'image/gif', matches: (bytes) => startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')) },
  { contentType: 'image/webp', matches: (bytes) => startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8) },
  { contentType: 'application/pdf', matches: (bytes) => startsWith(bytes, ascii('%PDF-')) },
]

/**
 * Text a browser would take for markup if it ever sniffed it: the WHATWG "text/html" patterns
 * (MIME Sniffing §7.1), plus XML and SVG. Refused even as a `.txt`, so an upload can never be a
 * page or a script in disguise, whatever headers a download is later served with.
 */
const markup = /^(<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p|<!--|<\?xml|<svg)[\s>/]/i

/** Control characters other than tab, line feed, form feed, carriage return and escape (ANSI colours in logs). */
const binaryControl = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]/

function isPlainText(bytes: Uint8Array): { ok: true } | { ok: false; reason: string } {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return { ok: false, reason: 'it is neither a PNG, JPEG, WebP or GIF image, a PDF, nor UTF-8 text' }
  }
  if (binaryControl.test(text)) return { ok: false, reason: 'it is neither a PNG, JPEG, WebP or GIF image, a PDF, nor plain text (it holds binary control characters)' }
  if (markup.test(text.replace(/^\ufeff?\s*/, ''))) return { ok: false, reason: 'it is HTML, XML or SVG, which are not accepted (send a screenshot or a PDF of it instead)' }
  return { ok: true }
}

/** Declared types that say nothing: the bytes decide alone. */
const unspecific = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown'])

/** The declared types each detected type may arrive under; anything else is a mismatch. */
const aliases: Record<AttachmentContentType, (declared: string) => boolean> = {
  'image/png': (declared) => declared === 'image/png',
  'image/jpeg': (declared) => declared === 'image/jpeg' || declared === 'image/jpg' || declared === 'image/pjpeg',
  'image/webp': (declared) => declared === 'image/webp',
  'image/gif': (declared) => declared === 'image/gif',
  'application/pdf': (declared) => declared === 'application/pdf' || declared === 'application/x-pdf',
  // Logs come as .log (text/x-log), .txt, .csv, .json or .ndjson; never as a markup type.
  'text/plain': (declared) =>
    (declared.startsWith('text/') && !['text/html', 'text/xml', 'text/javascript', 'text/css'].includes(declared)) ||
    ['application/json', 'application/x-ndjson', 'application/jsonl'].includes(declared),
}

/**
 * The type of a file, decided by its bytes alone: PNG, JPEG, WebP, GIF, PDF, or UTF-8 plain text
 * (logs). The type the client declared only matters when it contradicts the bytes — HTML sent as
 * `image/png`, a PNG sent as `text/html` — which is refused as well: a client that says one thing
 * and sends another is either broken or hostile.
 *
 * @param bytes the whole file
 * @param declaredType the part's Content-Type as sent, e.g. `image/png; charset=binary`
 * @example fileTypeOf(pngBytes, 'image/png') // { ok: true, contentType: 'image/png' }
 */
export function fileTypeOf(bytes: Uint8Array, declaredType: string): FileTypeVerdict {
  const declared = declaredType.split(';')[0]?.trim().toLowerCase() ?? ''
  const detected = signatures.find((signature) => signature.matches(bytes))?.contentType
  let contentType: AttachmentContentType
  if (detected) contentType = detected
  else {
    const text = isPlainText(bytes)
    if (!text.ok) return text
    contentType = 'text/plain'
  }
  if (!unspecific.has(declared) && !aliases[contentType](declared)) {
    return { ok: false, reason: `it was sent as ${declared} but its bytes are ${contentType === 'text/plain' ? 'plain text' : contentType}` }
  }
  return { ok: true, contentType }
}

import type { AttachmentContentType } from '@triage/protocol'
import { limits } from '@triage/protocol'
import { isRasterImage } from '@triage/protocol'

const extensions: Record<AttachmentContentType, string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'log', 'csv', 'json', 'ndjson', 'jsonl', 'md', 'out', 'err'],
}

/**
 * The name an attachment keeps: the last path segment of what the client sent (browsers send
 * bare names, other clients may not), without control or bidirectional-override characters, at
 * most 200 characters; `fallback` when nothing is left.
 */
export function cleanFileName(name: string, fallback: string): string {
  const base = name.split(/[/\\]/).pop() ?? ''
  // C0/C1 controls, and the bidi overrides that make "gpj.exe" read as "exe.jpg".
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim()
  const usable = cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned
  return [...usable].slice(0, limits.attachmentNameChars).join('')
}

/**
 * The name a download is saved under: the attachment's own, with the extension of its real type
 * added when it has another one, so a file saved to disk opens as what it is ("page.html" that is
 * a PNG saves as "page.html.png", never as a page a browser would run from the disk).
 */
export function downloadName(name: string, contentType: AttachmentContentType): string {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase()
  const known = extensions[contentType]
  return extension !== undefined && known.includes(extension) ? name : `${name}.${known[0]}`
}

/**
 * `Content-Disposition` for a download (RFC 6266): inline only for raster images, which a browser
 * shows without running anything; everything else is saved. The name goes as an ASCII fallback
 * and as UTF-8 in `filename*` (RFC 8187), so no name can break out of the header.
 */
export function contentDisposition(name: string, contentType: AttachmentContentType): string {
  const saved = downloadName(name, contentType)
  const fallback = saved.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_')
  const encoded = encodeURIComponent(saved).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${isRasterImage(contentType) ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

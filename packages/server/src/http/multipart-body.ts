import { createMiddleware } from 'hono/factory'
import type { Upload } from '../attachments/service.ts'
import { HttpProblem } from './problem.ts'
import { discardBody, readBounded } from './body-limit.ts'
import type { AppEnv } from './env.ts'
import { limitBody } from './json-body.ts'
import type { FormPart } from './multipart.ts'
import { MalformedMultipart, parseMultipart } from './multipart.ts'
import { problem } from './problem.ts'
import { limits } from '@triage/protocol'

/** Room for the multipart envelope around the files: boundaries, part headers, small fields. */
export const multipartOverheadBytes = 64 * 1024

/**
 * A refused upload declared up to this size is still read to its end, so the client reads the
 * 413 rather than a reset connection (see body-limit.ts); a 12 MB photo is the usual case. Past
 * it the connection is cut.
 */
export const uploadDrainBytes = 32 * 1024 * 1024

/** `multipart/form-data` with its boundary, as RFC 7578 requires. */
export function isMultipart(contentType: string | undefined): boolean {
  return /^multipart\/form-data\s*;.*\bboundary=/i.test(contentType ?? '')
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`

const tooLarge = (maxBytes: number) =>
  new HttpProblem('payload_too_large', 413, `The upload is over ${megabytes(maxBytes)}. Each file may be at most 10 MB, and a report's files 25 MB together: send a smaller file.`)

/**
 * For upload routes, from the headers alone, before any credential is checked or byte read: the
 * body must be multipart/form-data (415 otherwise) and not declared over `maxBytes` (413, the body
 * read to its end up to uploadDrainBytes). A body without a length is bounded as it is read.
 */
export function limitMultipartBody(maxBytes: number, hint: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!isMultipart(c.req.header('content-type'))) {
      return problem('unsupported_media_type', 415, `Send the body as multipart/form-data (${hint}).`)
    }
    return declaredWithin(maxBytes)(c, next)
  })
}

/** A 413, from the Content-Length alone, for a body declared over `maxBytes` (read to its end first, up to uploadDrainBytes). */
function declaredWithin(maxBytes: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const length = Number(c.req.header('content-length') ?? Number.NaN)
    if (length > maxBytes) {
      const refused = tooLarge(maxBytes)
      if (length <= uploadDrainBytes && c.req.raw.body) await discardBody(c.req.raw.body, uploadDrainBytes)
      return problem(refused.code, refused.status, refused.detail)
    }
    return next()
  })
}

/**
 * Reads a multipart/form-data body of at most `maxBytes` and splits it into its parts
 * (multipart.ts): the bytes are held once, bounded, and a body past the bound answers 413 as soon
 * as it passes it.
 */
export async function readMultipart(request: Request, maxBytes: number): Promise<FormPart[]> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!request.body) throw new HttpProblem('validation_failed', 422, 'The body is empty. Send the file in a multipart/form-data field named file.')
  let bytes: Uint8Array<ArrayBuffer> | undefined
  try {
    bytes = await readBounded(request.body, maxBytes, uploadDrainBytes)
  } catch {
    // The client went away mid-upload: nothing was stored, and no one is left to answer.
    throw new HttpProblem('validation_failed', 400, 'The upload was cut off before its end. Send the file again (with the same Idempotency-Key).')
  }
  if (!bytes) throw tooLarge(maxBytes)
  try {
    return parseMultipart(bytes, contentType)
  } catch (error) {
    if (!(error instanceof MalformedMultipart)) throw error
    throw new HttpProblem(
      'validation_failed',
      400,
      `The multipart/form-data body is malformed: ${error.message}. Let your HTTP client build it, e.g. FormData in a browser or curl -F file=@screenshot.png.`,
    )
  }
}

/** The files of a form field, in order; text values in that field are refused. */
export function uploadsOf(parts: FormPart[], field: string): Upload[] {
  return parts
    .filter((part) => part.name === field)
    .map((part) => {
      if (part.filename === undefined) throw new HttpProblem('validation_failed', 422, `The field ${field} holds text; it takes a file (a part with a filename).`)
      return { name: part.filename, declaredType: part.contentType, bytes: part.body }
    })
}

/**
 * For a route that takes a JSON body, or the same JSON with files as multipart/form-data (the
 * JSON in field `jsonField`, files in `file`): a JSON body keeps its 64 KB limit (limitBody), a
 * multipart one is bounded by `maxBytes`, from its Content-Length first.
 */
export function limitJsonOrMultipartBody(maxBytes: number) {
  return createMiddleware<AppEnv>(async (c, next) => (isMultipart(c.req.header('content-type')) ? declaredWithin(maxBytes)(c, next) : limitBody(c, next)))
}

/**
 * After the credential is checked: a multipart body is read (bounded by `maxBytes`), its JSON
 * field becomes the request's JSON body, so the route validates it as it validates plain JSON, and
 * its files are handed to the route as `c.var.uploads`. A JSON body passes untouched.
 */
export function multipartAsJson(jsonField: string, maxBytes: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!isMultipart(c.req.header('content-type'))) return next()
    const parts = await readMultipart(c.req.raw, maxBytes)
    const json = parts.find((part) => part.name === jsonField)
    if (json === undefined) {
      return problem('validation_failed', 422, `The multipart body has no ${jsonField} field. Send the JSON in a field named ${jsonField} and the files in fields named file.`)
    }
    if (json.body.byteLength > limits.bodyBytes) {
      return problem('payload_too_large', 413, `The ${jsonField} field is over ${limits.bodyBytes / 1024} KB. Send less context or fewer breadcrumbs.`)
    }
    c.set('uploads', uploadsOf(parts, 'file'))
    const headers = new Headers(c.req.raw.headers)
    headers.set('content-type', 'application/json')
    headers.delete('content-length')
    c.req.raw = new Request(c.req.raw.url, { method: c.req.raw.method, headers, body: json.body.slice(), signal: c.req.raw.signal })
    return next()
  })
}

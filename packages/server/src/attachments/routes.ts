import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { attachmentContentTypes, limits } from '@triage/protocol'
import { attachmentCreatedSchema } from '@triage/protocol/schemas'
import { requireReporterToken, requireAgent } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { limitMultipartBody, multipartOverheadBytes, readMultipart, uploadsOf } from '../http/multipart-body.ts'
import { validationHook } from '../http/validation.ts'
import { agentSecurity, badId, idempotencyKeyHeader, idParams, jsonResponse, problemResponse, rateLimited } from '../http/openapi.ts'
import { HttpProblem } from '../http/problem.ts'
import { agentScope } from '../domain/visibility.ts'
import { actorOfAgent } from '../privacy/audit.ts'
import { contentDisposition } from './file-name.ts'
import type { Upload } from './service.ts'
import { attachToReport, openAttachment } from './service.ts'

const mb = (bytes: number) => bytes / (1024 * 1024)

/** What the OpenAPI document says of every upload's limits, once. */
export const uploadLimits =
  `Types are decided by the file's bytes, not its name or header: PNG, JPEG, WebP, GIF, PDF, and UTF-8 plain text or logs; ` +
  `anything else, HTML, XML or SVG, or bytes that contradict the declared type answer 415. At most ${mb(limits.attachmentBytes)} MB a file ` +
  `and ${mb(limits.reportAttachmentBytes)} MB for all of a report's files (413), at most ${limits.attachmentsPerReport} files a report ` +
  `(422, too_many_attachments), within the app's storage quota (413, quota_exceeded). A JPEG's EXIF (GPS position, camera), XMP ` +
  `and IPTC, a PNG's text chunks and a WebP's EXIF/XMP are removed before storage; \`size\` is what was stored.`

/** A multipart body in the OpenAPI document: `file`, binary (plus what `extra` adds). */
export const multipartFileBody = (description: string, extra: Record<string, object> = {}, required: string[] = ['file']) => ({
  required: true,
  description,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        properties: { ...extra, file: { type: 'string' as const, format: 'binary', description: 'The file; its part carries a filename.' } },
        required,
      },
    },
  },
})

const uploadRoute = createRoute({
  method: 'post',
  path: '/v1/reports/{id}/attachments',
  operationId: 'attachToReport',
  tags: ['Reports'],
  summary: 'Attach a file to a report',
  description:
    'A screenshot, photo, PDF or log for the agents, as `multipart/form-data` with one field `file`, opened with the reporter token. ' +
    'It is listed on the enriched ticket once it is wholly stored, never before. Send an Idempotency-Key to make retries safe: the same key ' +
    `with the same file answers the same attachment (marked Idempotent-Replayed), with another file 422. ${uploadLimits}`,
  security: [{ reporterToken: [] }],
  middleware: [requireReporterToken, limitMultipartBody(limits.attachmentBytes + multipartOverheadBytes, 'a field named file, e.g. curl -F file=@screenshot.png')] as const,
  request: { params: idParams, headers: z.object({ 'idempotency-key': idempotencyKeyHeader }), body: multipartFileBody('The file to attach.') },
  responses: {
    201: jsonResponse('The attachment as stored (or replayed for the same Idempotency-Key).', attachmentCreatedSchema),
    400: problemResponse('A malformed multipart body, a bad id or a bad header.'),
    401: problemResponse('No reporter token.'),
    404: problemResponse('No report with this id opens with this token.'),
    413: problemResponse('The file is over 10 MB, the report would pass 25 MB of files (payload_too_large), or the app its quota (quota_exceeded).'),
    415: problemResponse('Not multipart/form-data, or a file type that is not accepted (see above).'),
    422: problemResponse('No file, an empty file, 10 files already (too_many_attachments), or the Idempotency-Key was used for another file.'),
    503: problemResponse('No attachment storage on this server (a Worker without its R2 binding), or the same bytes are being deleted: retry in a minute.'),
    ...rateLimited,
  },
})

const attachmentParams = idParams.extend({ attachmentId: idParams.shape.id })

const downloadRoute = createRoute({
  method: 'get',
  path: '/v1/incidents/{id}/attachments/{attachmentId}',
  operationId: 'downloadAttachment',
  tags: ['Incidents'],
  summary: "Download one of the reporter's files",
  description:
    'The bytes exactly as stored, streamed, with their type as detected at upload. Raster images are served `inline`, everything else as ' +
    'an `attachment` to save; always with `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`, so nothing in a file ' +
    'can run in the agent’s page. `ETag` and `Repr-Digest` carry the SHA-256 of the bytes. Visibility is the incident’s: another app’s key, ' +
    'or a role below the incident’s tier, gets 404.',
  security: agentSecurity,
  middleware: [requireAgent] as const,
  request: { params: attachmentParams },
  responses: {
    200: {
      description: 'The file.',
      headers: {
        'Content-Disposition': { schema: { type: 'string' }, description: '`inline` for PNG, JPEG, WebP and GIF; `attachment` otherwise, with the file name.' },
        'Repr-Digest': { schema: { type: 'string' }, description: 'sha-256 of the bytes (RFC 9530).' },
      },
      content: Object.fromEntries(
        attachmentContentTypes.map((type) => [type === 'text/plain' ? 'text/plain; charset=utf-8' : type, { schema: { type: 'string' as const, format: 'binary' } }]),
      ),
    },
    304: { description: 'Not modified: the ETag sent in If-None-Match is this file’s.' },
    ...badId,
    401: problemResponse('Missing, unknown or revoked secret key.'),
    404: problemResponse('No such attachment on an incident this key may see (other apps, and tiers above an l1/l2 key, are invisible).'),
  },
})

/** One `file` part from a multipart body of at most `maxBytes`. */
async function readOneFile(request: Request, maxBytes: number): Promise<Upload> {
  const files = uploadsOf(await readMultipart(request, maxBytes), 'file')
  const [file] = files
  if (!file || files.length > 1) {
    throw new HttpProblem('validation_failed', 422, `Send exactly one file in a field named file (${files.length} were sent). Attach several with one request each.`)
  }
  return file
}

function base64OfHex(hex: string): string {
  return btoa(String.fromCharCode(...(hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16))))
}

/** The reporter's uploads and the agents' downloads. */
export function attachmentRoutes() {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  routes.openapi(uploadRoute, async (c) => {
    const { attachment, replayed } = await attachToReport(
      c.var.services,
      c.req.valid('param').id,
      c.var.reporterToken,
      () => readOneFile(c.req.raw, limits.attachmentBytes + multipartOverheadBytes),
      c.req.valid('header')['idempotency-key'] ?? null,
    )
    if (replayed) c.header('idempotent-replayed', 'true')
    return c.json(attachment, 201)
  })

  routes.openapi(downloadRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param')
    const { attachment, body } = await openAttachment(c.var.services, agentScope(c.var.agent), actorOfAgent(c.var.agent), id, attachmentId)
    const headers = new Headers({
      'content-type': attachment.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : attachment.contentType,
      'content-disposition': contentDisposition(attachment.name, attachment.contentType as Parameters<typeof contentDisposition>[1]),
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'cache-control': 'private, no-cache',
      etag: `"${attachment.sha256}"`,
      'repr-digest': `sha-256=:${base64OfHex(attachment.sha256)}:`,
    })
    if (
      c.req
        .header('if-none-match')
        ?.split(',')
        .some((tag) => tag.trim() === `"${attachment.sha256}"`)
    ) {
      await body.cancel()
      return new Response(null, { status: 304, headers }) as never
    }
    headers.set('content-length', String(attachment.size))
    return new Response(body, { status: 200, headers }) as never
  })

  return routes
}

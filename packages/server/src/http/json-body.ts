import { createMiddleware } from 'hono/factory'
import { limits } from '@triage/protocol'
import { readBounded } from './body-limit.ts'
import type { AppEnv } from './env.ts'
import { wellFormedInput } from './json-input.ts'
import { problem } from './problem.ts'

const tooLarge = () => problem('payload_too_large', 413, `The body is over ${limits.bodyBytes / 1024} KB. Send less context or fewer breadcrumbs.`)

/**
 * Refuses bodies over the limit, on every runtime alike. A declared Content-Length is checked
 * first, from the header alone: a body within it is read once, by the JSON parser (touching
 * `raw.body` here would make the Node adapter build a web stream for every request, tens of µs a
 * report). A body without a length (chunked) is read here, keeping at most the limit. Either way
 * a refused body is still read to its end and discarded (see body-limit.ts), so the client gets
 * the 413 problem rather than a reset connection.
 */
export const limitBody = createMiddleware<AppEnv>(async (c, next) => {
  const length = c.req.header('content-length')
  if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
    // Over the limit: drainRefusedBody, around the whole app, reads what the client still sends.
    return Number(length) > limits.bodyBytes ? tooLarge() : next()
  }
  const body = c.req.raw.body
  if (!body) return next()
  const bytes = await readBounded(body, limits.bodyBytes)
  if (!bytes) return tooLarge()
  c.req.raw = new Request(c.req.raw, { body: bytes })
  return next()
})

function hasNoBody(headers: { header: (name: string) => string | undefined }): boolean {
  const length = headers.header('content-length')
  return !headers.header('content-type') && !headers.header('transfer-encoding') && (length === undefined || length === '0')
}

/**
 * Requires a JSON body and parses it before the validator does, so a wrong media type answers 415
 * and broken JSON 400 with where it broke, instead of a generic failure; a body nested too deep
 * answers 422, and lone surrogates become U+FFFD (see json-input.ts).
 * With `optional`, a request with no body at all passes (for `{ "reason"?: … }` bodies).
 */
export function jsonBodyOf(options: { optional?: boolean } = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (options.optional && hasNoBody(c.req)) return next()
    const type = c.req.header('content-type') ?? ''
    if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(type)) {
      return problem('unsupported_media_type', 415, 'Send the body as JSON with Content-Type: application/json.')
    }
    let body: unknown
    try {
      body = await c.req.json()
    } catch (error) {
      return problem('malformed_json', 400, `The body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}). Check quotes and commas.`)
    }
    const input = wellFormedInput(body)
    if (!input.ok) {
      const message = `is nested deeper than ${limits.jsonDepth} levels`
      return problem('validation_failed', 422, `The body is invalid: ${input.path} ${message}. Send flatter JSON.`, { errors: [{ path: input.path, message }] })
    }
    // The validator reads the body again, from Hono's cache of its text: it must read the
    // well-formed one. (The cache holds promises at run time, whatever its declared type says.)
    if (input.changed) (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(JSON.stringify(input.value))
    await next()
  })
}

export const requireJsonBody = jsonBodyOf()
export const optionalJsonBody = jsonBodyOf({ optional: true })

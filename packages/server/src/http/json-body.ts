import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { limits } from '@triage/protocol'
import type { AppEnv } from './env.ts'
import { wellFormedInput } from './json-input.ts'
import { problem } from './problem.ts'

const tooLarge = () => problem('payload_too_large', 413, `The body is over ${limits.bodyBytes / 1024} KB. Send less context or fewer breadcrumbs.`)
const countingLimit = bodyLimit({ maxSize: limits.bodyBytes, onError: tooLarge })

/**
 * Refuses bodies over the limit before reading them whole. A declared Content-Length is checked
 * from the header alone: Hono's bodyLimit would first touch `raw.body`, which makes the Node
 * adapter build a web stream for every request (tens of µs a report) instead of reading the body
 * directly. A body without a length (chunked) is counted as it streams.
 */
export const limitBody = createMiddleware<AppEnv>(async (c, next) => {
  const length = c.req.header('content-length')
  if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
    return Number(length) > limits.bodyBytes ? tooLarge() : next()
  }
  return countingLimit(c, next)
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

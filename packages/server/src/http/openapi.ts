import { z } from 'zod'
import { limits } from '@triage/protocol'
import { problemSchema } from '@triage/protocol/schemas'

/** An error response in the OpenAPI document. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
})

/** A JSON request body in the OpenAPI document. */
export const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({
  required,
  content: { 'application/json': { schema } },
})

/** A JSON response in the OpenAPI document. */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
})

/** Ids as the API makes them (`inc_…`, `key_…`): letters, digits, `_` and `-`. */
export const idParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id as the API gave it, like inc_01H…') })

/** Beside a route's own answers: a malformed id in the path. */
export const badId = { 400: problemResponse('An id that is not one the API gives.') }

/** Beside a route's own answers, for every route with a JSON body. */
export const bodyProblems = {
  400: problemResponse('Malformed JSON, or a bad path or header value.'),
  413: problemResponse('The body is over 64 KB.'),
  415: problemResponse('The body is not JSON.'),
  422: problemResponse('Invalid fields (`errors` names each), or JSON nested deeper than 32 levels.'),
}

/** Beside a route's own answers, for the public routes (see README, Security). */
export const rateLimited = {
  429: {
    ...problemResponse('Too many requests from this caller and address; wait the seconds in Retry-After.'),
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' as const, minimum: 1 } } },
  },
}

/** The optional Idempotency-Key of a create: the same key answers what the first request made. */
export const idempotencyKeyHeader = z
  .string()
  .min(1)
  .max(limits.idempotencyKeyChars)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces, e.g. a UUID')
  .optional()

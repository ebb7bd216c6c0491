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

export const idParams = z.object({ id: z.string().min(1).max(64) })

/** The optional Idempotency-Key of a create: the same key answers what the first request made. */
export const idempotencyKeyHeader = z
  .string()
  .min(1)
  .max(limits.idempotencyKeyChars)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces, e.g. a UUID')
  .optional()

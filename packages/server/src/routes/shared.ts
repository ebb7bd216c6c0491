import { z } from 'zod'
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

/** The agent API's credentials in the OpenAPI document: a secret key, or a signed-in agent's session cookie. */
export const agentSecurity: Record<string, string[]>[] = [{ secretKey: [] }, { agentSession: [] }]

import type { Hook } from '@hono/zod-openapi'
import type { ZodError } from 'zod'
import type { AppEnv } from './env.ts'
import { problem } from './problem.ts'

/** Every invalid field, with a path a developer can find in their body (`contact.email`). */
export function fieldErrors(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }))
}

/**
 * Answers a failed validation: 422 for a well-formed JSON body with wrong content (RFC 9110 §15.5.21),
 * 400 for bad query, path or header values.
 */
export const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result) => {
  if (result.success) return undefined
  const errors = fieldErrors(result.error)
  const where = result.target === 'json' ? 'body' : result.target
  const detail = `The ${where} is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`
  return problem('validation_failed', result.target === 'json' ? 422 : 400, detail, { errors })
}

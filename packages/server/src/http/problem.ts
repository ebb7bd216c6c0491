import type { Problem, ProblemCode } from '@triage/protocol'
import { problemBody, problemMediaType } from '@triage/protocol'

/**
 * The one way the server answers an error.
 * @example return problem('not_found', 404, 'No report with this id. Check the id you were given.')
 */
export function problem(code: ProblemCode, status: number, detail: string, extra: Partial<Problem> = {}): Response {
  return new Response(JSON.stringify(problemBody(code, status, detail, extra)), {
    status,
    headers: { 'content-type': problemMediaType },
  })
}

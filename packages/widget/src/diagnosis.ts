import type { DiagnosticQuestion, DiagnosticsResult, TriageClient } from '@triage/sdk'

/** Suggestions wait for a few words: fewer say too little to match anything. */
export const minWords = 3

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length

/** The questions to ask given the answers so far: a question with `showIf` only when its condition holds. */
export function visibleQuestions(questions: readonly DiagnosticQuestion[], answers: Readonly<Record<string, string>>): DiagnosticQuestion[] {
  return questions.filter(({ showIf }) => {
    if (!showIf) return true
    const allowed = typeof showIf.equals === 'string' ? [showIf.equals] : showIf.equals
    const answer = answers[showIf.questionId]
    return answer !== undefined && allowed.indexOf(answer) >= 0
  })
}

export interface DiagnosisSource {
  client: TriageClient
  endpoint: string
  key: string
  locale: string
  fetch?: typeof fetch | undefined
}

/**
 * Asks for a diagnosis: through the SDK for the guessed category; with `category` (the reporter
 * picked another one) straight from `GET /v1/diagnostics?category=`, which the SDK's `diagnose`
 * does not take yet.
 */
export async function askDiagnosis({ client, endpoint, key, locale, fetch: fetcher }: DiagnosisSource, symptoms: string, category?: string): Promise<DiagnosticsResult> {
  if (category === undefined) return client.diagnose(symptoms)
  const query = new URLSearchParams({ symptoms: symptoms.slice(0, 1_000), locale, category })
  const response = await (fetcher ?? fetch)(`${endpoint.replace(/\/$/, '')}/v1/diagnostics?${query}`, { headers: { 'x-triage-key': key } })
  if (!response.ok) throw new Error(`diagnostics answered ${response.status}`)
  return (await response.json()) as DiagnosticsResult
}

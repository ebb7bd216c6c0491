/** `GET /v1/diagnostics?symptoms=…&locale=…`: guided diagnosis before a report is sent. */

/** One guided question, already in the reporter's language. */
export interface DiagnosticQuestion {
  /** The answer key in `ReportCreate.answers`. `impact` and `workaround` feed the priority. */
  id: string
  kind: 'choice' | 'yes_no' | 'short_text'
  text: string
  /** For `choice`: the allowed answer values with their labels. `yes_no` answers are "yes" or "no". */
  options?: { value: string; label: string }[]
  /** For `short_text`: the most characters accepted. */
  maxLength?: number
  /** Ask only when an earlier answer has this value (or one of these values). */
  showIf?: { questionId: string; equals: string | string[] }
}

/** A resolved incident of the same app whose public note may solve the problem at once (deflection). */
export interface SimilarResolution {
  number: string
  /** What the agents wrote for reporters when they resolved it. */
  publicNote: string
  /** 0..1, how close its symptoms are. */
  score: number
}

export interface DiagnosticsResult {
  category: { value: string; label: string; confidence: number }
  /** Every category the reporter may pick instead. */
  categories: { value: string; label: string }[]
  questions: DiagnosticQuestion[]
  similar: SimilarResolution[]
}

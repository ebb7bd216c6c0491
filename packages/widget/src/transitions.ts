/**
 * The widget's journey: the one place that decides where the reporter goes next, as the server's
 * lifecycle decides an incident's status. Actions (state.ts) do the work, then make one move;
 * screens only ask for moves.
 *
 *   describe ─next─> diagnose (one question a screen) ─next─> contact ─next─> review ─sent─> report
 *      │  <──────────back───────          <─────back─────        <──back──      └─queued─> queued ─sent─┘
 *      ├─solved─> deflected       (report, queued, deflected) ─newReport─> describe
 *      └─(any screen) myReports─> reports ─back─> report, or describe ─ ─ ─open─> report
 */

/** The screens of the journey, one at a time. `report` is the confirmation and the follow-up. */
export type Step = 'describe' | 'diagnose' | 'contact' | 'review' | 'queued' | 'deflected' | 'report' | 'reports'

/** What happened: the reporter's button, or the answer of a send. */
export type Move = 'next' | 'back' | 'solved' | 'category' | 'sent' | 'queued' | 'myReports' | 'open' | 'newReport'

/** Where the reporter is: the screen, and on `diagnose` the question. */
export interface Position {
  step: Step
  question: number
}

/** What a move may depend on: how many questions are asked, and whether a report is on screen. */
export interface Facts {
  questions: number
  report: boolean
}

/** Where each move leads from each screen; a move not listed leaves the reporter where they are. */
const journey: Record<Step, Partial<Record<Move, Step>>> = {
  describe: { next: 'diagnose', solved: 'deflected', myReports: 'reports', sent: 'report', queued: 'queued' },
  diagnose: { next: 'contact', back: 'describe', category: 'diagnose' },
  contact: { next: 'review', back: 'diagnose' },
  review: { back: 'contact', sent: 'report', queued: 'queued' },
  queued: { sent: 'report', myReports: 'reports', newReport: 'describe' },
  deflected: { myReports: 'reports', newReport: 'describe' },
  report: { myReports: 'reports', newReport: 'describe' },
  reports: { back: 'report', open: 'report' },
}

/**
 * Where a move leads from `from`: the table, read with the facts. On `diagnose`, next and back go
 * from question to question before leaving it; without questions `diagnose` is passed over; back
 * to it lands on its last question; back from "My reports" with no report shown is the
 * description. The same position when the move means nothing there (a late answer for a screen
 * the reporter has left).
 * @example
 * nextPosition({ step: 'diagnose', question: 1 }, 'next', { questions: 2, report: false }) // { step: 'contact', question: 0 }
 */
export function nextPosition(from: Position, move: Move, { questions, report }: Facts): Position {
  const question = from.question + (from.step !== 'diagnose' ? 0 : move === 'next' ? 1 : move === 'back' ? -1 : 0)
  if (question !== from.question && question >= 0 && question < questions) return { step: 'diagnose', question }
  let step = journey[from.step][move]
  if (!step) return from
  if (step === 'diagnose' && !questions) step = move === 'next' ? 'contact' : 'describe'
  if (step === 'report' && move === 'back' && !report) step = 'describe'
  return { step, question: step === 'diagnose' && move === 'back' ? questions - 1 : 0 }
}

import type { AnswerDetail } from '@triage/protocol'
import { answerValue } from '@triage/protocol'
import { defaultQuestionTrees } from './default-trees.ts'
import { yesNoLabels } from './localize.ts'
import type { DiagnosticAnswers, Locale, Question, QuestionTree } from './types.ts'

export interface AnswerDetailsOptions {
  /** The language of the texts; defaults to `'en'`. */
  locale?: Locale
  /** An app's own trees; defaults to {@link defaultQuestionTrees}. */
  trees?: readonly QuestionTree[]
}

/** Every question of the trees by id: the same id is the same question in every tree. */
function questionsById(trees: readonly QuestionTree[]): Map<string, Question> {
  return new Map(trees.flatMap((tree) => tree.questions.map((question): [string, Question] => [question.id, question])))
}

const defaultQuestions = questionsById(defaultQuestionTrees)

/**
 * The answers as the reporter read them, for an agent: each question's text and the chosen
 * option's label in `locale`, next to the raw id and value. A question or an option the trees do
 * not know (an app's own form) is given as it is.
 *
 * @example
 * answerDetails({ access_problem: 'forgot_password' }, { locale: 'fr' })
 * // [{ questionId: 'access_problem', question: 'Que se passe-t-il quand vous essayez de vous connecter ?',
 * //    value: 'forgot_password', answer: 'J’ai oublié mon mot de passe' }]
 */
export function answerDetails(answers: DiagnosticAnswers, options: AnswerDetailsOptions = {}): AnswerDetail[] {
  const locale = options.locale ?? 'en'
  const questions = options.trees ? questionsById(options.trees) : defaultQuestions
  return Object.entries(answers).map(([questionId, value]) => {
    const question = questions.get(questionId)
    const raw = answerValue(value) ?? ''
    let answer = raw
    if (question?.kind === 'choice') answer = question.options.find((option) => option.id === raw)?.label[locale] ?? raw
    else if (question?.kind === 'yes_no' && (raw === 'yes' || raw === 'no')) answer = yesNoLabels[raw][locale]
    return { questionId, question: question?.text[locale] ?? questionId, value, answer }
  })
}

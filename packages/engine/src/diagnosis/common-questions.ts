import { impactQuestionId, workaroundQuestionId } from '../prioritize.ts'
import type { ChoiceQuestion, YesNoQuestion } from './types.ts'

/** Who is affected: feeds the impact axis of the priority (see prioritize.ts). */
export const impactQuestion: ChoiceQuestion = {
  id: impactQuestionId,
  kind: 'choice',
  text: { en: 'Who is affected?', fr: 'Qui est touché ?' },
  options: [
    { id: 'me', label: { en: 'Only me', fr: 'Moi seulement' } },
    { id: 'team', label: { en: 'My team or several people', fr: 'Mon équipe ou plusieurs personnes' } },
    { id: 'everyone', label: { en: 'Everyone', fr: 'Tout le monde' } },
  ],
}

/** Whether the reporter can keep going another way: feeds the urgency axis of the priority. */
export const workaroundQuestion: YesNoQuestion = {
  id: workaroundQuestionId,
  kind: 'yes_no',
  text: {
    en: 'Can you keep working another way for now?',
    fr: 'Pouvez-vous continuer autrement en attendant ?',
  },
}

/** The two questions every tree asks first, so priority never waits on category-specific ones. */
export const commonQuestions = [impactQuestion, workaroundQuestion] as const

/**
 * @triage/engine — the triage logic, pure TypeScript with no I/O: runs in Node, Workers and browsers.
 */
export { guessCategory, triage } from './triage.ts'
export { nextStatus, transitions } from './lifecycle.ts'
export type { LifecycleAction, LifecycleOutcome } from './lifecycle.ts'
export type { GuessOptions, TriageInput, TriageOptions } from './triage.ts'
export { categorize } from './categorize.ts'
export type { CategoryDecision } from './categorize.ts'
export { identify } from './identify.ts'
export type { KindDecision } from './identify.ts'
export { prioritize, priorityOf, impactQuestionId, workaroundQuestionId } from './prioritize.ts'
export type { PriorityDecision } from './prioritize.ts'
export { route } from './route.ts'
export type { TierDecision } from './route.ts'
export { defaultTaxonomy, fallbackCategoryId } from './taxonomy.ts'
export type { Category } from './taxonomy.ts'
export { foldText, words } from './text.ts'
export { languageOf } from './language.ts'
export { atRiskShare, defaultSlaPolicy, reporterPromise, resumeAfterPause, slaDueTimes, slaPromise, sweepDecision } from './sla.ts'
export type { PromiseStage, SlaClockName, SlaDueTimes, SlaPolicy, SlaSweepDecision, SlaTarget, SlaTicket } from './sla.ts'
export { addWorkingMinutes, workingMsBetween } from './business-hours.ts'
export type { BusinessCalendar, Weekday } from './business-hours.ts'
export {
  answerDetails,
  answerSignals,
  checkTree,
  commonQuestions,
  defaultQuestionTrees,
  nextQuestion,
  questionsFor,
  treeFor,
  validateAnswers,
  visibleAnswers,
  visibleQuestions,
} from './diagnosis/index.ts'
export type {
  AnswerDetailsOptions,
  AnswerProblem,
  AnswerProblemCode,
  AnswerSignal,
  AnswerSignalRule,
  AnswerSignalsOptions,
  ChoiceOption,
  ChoiceQuestion,
  DiagnosticAnswers,
  Locale,
  LocalizedQuestion,
  LocalizedQuestionTree,
  LocalizedText,
  Question,
  QuestionCondition,
  QuestionList,
  QuestionsForOptions,
  QuestionTree,
  ShortTextQuestion,
  YesNoQuestion,
} from './diagnosis/index.ts'
export { createSimilarIndex, terms } from './similar/index.ts'
export type { PastIncident, SimilarIncident, SimilarIndex, SimilarIndexOptions, SimilarSearchOptions } from './similar/index.ts'
export { redactText, redactValue } from './redact/index.ts'
export type { RedactedText, RedactedValue, RedactionCount, RedactionKind, RedactOptions } from './redact/index.ts'
export {
  countGroupWords,
  createGroupCandidates,
  createGroupingLessons,
  decideGrouping,
  emptyGroupWords,
  explainGroup,
  groupingDefaults,
  majorIncidentWindowMs,
  groupProfile,
  outageConcepts,
  reportSignature,
  reportTerms,
  restoreGroupingLessons,
  routeOf,
  signatureSimilarity,
} from './grouping/index.ts'
export type {
  CandidateIncident,
  GroupCandidates,
  GroupCandidatesOptions,
  GroupExplanation,
  GroupingDecision,
  GroupingLesson,
  GroupingLessons,
  GroupingLessonsOptions,
  GroupingLessonsState,
  GroupingOptions,
  GroupingReport,
  GroupWords,
  LessonMatches,
  LessonSide,
  OutageConcept,
  ReportSignature,
  ScoredCluster,
  SignatureInput,
} from './grouping/index.ts'
export { breachChecklist, breachChecklistLabels, breachNotificationHours, breachProgress, detectBreach } from './breach/index.ts'
export type { BreachDecision, BreachInput, BreachProgress, BreachTick } from './breach/index.ts'
export { categorizeWithClassifier, contextSignals } from './categorize.ts'
export type { ContextSignal, TextClassifier } from './categorize.ts'
export { createClassifier, defaultClassifierOptions, restoreClassifier } from './classifier/index.ts'
export type { Classifier, ClassifierOptions, ClassifierState, LabelledText, Prediction } from './classifier/index.ts'
export { seedClassifier } from './seed/classifier.ts'
export { seedExamples } from './seed/examples.ts'
export type { SeedExample } from './seed/examples.ts'

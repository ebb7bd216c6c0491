/** Breach detection: reports that suggest a personal-data breach, with the GDPR 72-hour deadline and checklist. */
export { breachChecklist, breachNotificationHours } from './checklist.ts'
export { detectBreach } from './detect-breach.ts'
export type { BreachDecision, BreachInput } from './detect-breach.ts'
export { breachChecklistLabels, breachProgress } from './progress.ts'
export type { BreachProgress, BreachTick } from './progress.ts'

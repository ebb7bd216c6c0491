import type { ReportContext, ReportCreate, TriageIntegration } from '@triage/sdk'

/** The parts of the captured context the reporter may leave out at the review step. */
export const contextParts = ['url', 'browser', 'activity'] as const
export type ContextPart = (typeof contextParts)[number]

/** The context fields each part stands for. */
const fields: Record<ContextPart, (keyof ReportContext)[]> = {
  url: ['url', 'referrer'],
  browser: ['userAgent', 'viewport'],
  activity: ['breadcrumbs'],
}

/** What each part will carry, read as the SDK reads it, for the review step: `activity` is how many breadcrumbs. */
export function previewContext(integrations: TriageIntegration[]): { url: string; browser: string; activity: number } {
  return { url: location.href, browser: navigator.userAgent, activity: integrations.flatMap((integration) => integration.context?.().breadcrumbs ?? []).length }
}

/** The report without the parts the reporter unticked: the SDK's `beforeSend`. */
export function withoutParts(body: ReportCreate, left: readonly ContextPart[]): ReportCreate {
  const context: ReportContext = { ...body.context }
  for (const part of left) for (const field of fields[part]) delete context[field]
  return { ...body, context }
}

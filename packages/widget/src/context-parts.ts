import type { ReportContext, TriageIntegration } from '@triage/sdk'

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
export function previewContext(integrations: readonly TriageIntegration[]): { url: string; browser: string; activity: number } {
  return { url: location.href, browser: navigator.userAgent, activity: integrations.flatMap((integration) => integration.context?.().breadcrumbs ?? []).length }
}

/**
 * The report's own context that leaves out the parts the reporter unticked: their fields, set to
 * nothing. A report's context goes over what the SDK captured, so this works on the app's client
 * too, whatever its `beforeSend` (and JSON drops the emptied fields).
 */
export function leftOut(left: readonly ContextPart[]): ReportContext {
  const context: ReportContext = {}
  for (const part of left) for (const field of fields[part]) context[field] = undefined
  return context
}

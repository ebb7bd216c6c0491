import type { ReportContext, ReportCreate } from '@triage/protocol'
import type { AppInfo } from './context.ts'
import { captureContext } from './context.ts'
import type { TriageIntegration } from './integration.ts'
import { scrub } from './scrub.ts'

/** The signed-in user of your app, as given to `identify`. */
export interface TriageUser {
  id: string
  name?: string
  email?: string
  /**
   * HMAC-SHA256 of `id` under your app's secret, computed on your server: with it the server trusts
   * `id` (a verified user, whose reports `myReports()` brings from every device).
   */
  userHash?: string
}

export interface PrepareOptions {
  app?: AppInfo | undefined
  locale?: string | undefined
  beforeSend?: ((report: ReportCreate) => ReportCreate | null) | undefined
}

/**
 * The body that will be sent for `input`: the page's context, the integrations' (breadcrumbs),
 * the user, then the caller's own context on top, all scrubbed; the user's name and e-mail
 * where the caller gave no contact; then the app's `beforeSend`, which may drop it (null).
 * What the reporter wrote (symptoms, answers) is theirs and left as is.
 */
export function prepareReport(input: ReportCreate, user: TriageUser | null, options: PrepareOptions, integrations: TriageIntegration[]): ReportCreate | null {
  const context: ReportContext = scrub(
    Object.assign(
      captureContext(options.app, options.locale),
      ...integrations.map((integration) => integration.context?.()),
      user && { user: { id: user.id, hash: user.userHash } },
      input.context,
    ),
  )
  const contact = user?.name || user?.email ? { name: user.name, email: user.email, ...input.contact } : input.contact
  const body = { ...input, contact, context }
  return options.beforeSend ? options.beforeSend(body) : body
}

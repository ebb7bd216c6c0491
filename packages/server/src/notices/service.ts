import type { Locale } from '@triage/engine'
import type { NoticeList } from '@triage/protocol'
import type { IncidentRow } from '../storage/incidents.ts'
import { findIncident } from '../storage/incidents.ts'
import { listOpenMajors } from '../storage/notices.ts'
import type { ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { categoryLabel } from '../incidents/views.ts'

/** A visitor is told of a few known problems at most: the newest matter. */
const noticeLimit = 3

/**
 * The app's known problems for any visitor: its open major incidents, each with the text its agents
 * wrote for the public, or until then its category in plain words. Never a reporter's own words.
 */
export async function listNotices(context: ServiceContext, appId: string, locale: Locale): Promise<NoticeList> {
  const majors = await listOpenMajors(context.db, appId, noticeLimit)
  return {
    items: majors.map((major) => ({ id: major.id, text: major.publicTitle ?? categoryLabel(major.category, locale), since: new Date(major.createdAt).toISOString() })),
  }
}

/**
 * The open major incident a "me too" report joins. Another app's incident, or one that is no major,
 * is refused as unknown (422) without saying it exists; a resolved one is a conflict (409): the
 * problem should be gone, so the reporter describes what they see instead.
 */
export async function noticeToJoin(context: ServiceContext, appId: string, noticeId: string): Promise<IncidentRow> {
  const major = await findIncident(context.db, appId, noticeId)
  if (!major?.isMajor) {
    throw new DomainError('invalid_input', 'The body is invalid: notice is not a known problem of this app. List them with GET /v1/notices.', {
      errors: [{ path: 'notice', message: 'is not a known problem of this app; list them with GET /v1/notices' }],
    })
  }
  if (major.status === 'resolved' || major.status === 'closed') {
    throw new DomainError('conflict', 'This known problem was resolved: it should work again. If it does not, describe what happens in a new report (without notice).')
  }
  return major
}

import type { Incident, MajorIncidentGroup, Tier } from '@triage/protocol'
import type { Locale } from '@triage/engine'
import { countGroupWords, emptyGroupWords, explainGroup, groupProfile, reportSignature } from '@triage/engine'
import type { IncidentRow } from '../storage/incidents.ts'
import { groupSpan, latestGroupMembers } from '../storage/groups.ts'
import type { ServiceContext } from '../domain/context.ts'
import { incidentView } from '../incidents/enriched-ticket.ts'
import { tiersVisibleTo } from '../domain/visibility.ts'

/** Reports read to put a group in words: the latest, enough for its words, bounded whatever its size. */
const explainedReports = 200
/** Reports read for a group's profile when it is no longer in memory (what a lesson keeps of it). */
const profiledReports = 64

type MemberRow = Awaited<ReturnType<typeof latestGroupMembers>>[number]

function signatureOf(member: MemberRow) {
  const url = member.context.url
  return reportSignature({ text: member.symptoms, kind: member.kind, answers: member.answers, ...(typeof url === 'string' ? { url } : {}) })
}

/**
 * Why a major incident's reports belong together, from the reports a key of `maxTier` may see:
 * how many, over how long, what about, and in which words. Undefined for other incidents.
 */
export async function majorGroup(context: ServiceContext, major: IncidentRow, maxTier: Tier): Promise<MajorIncidentGroup | undefined> {
  if (!major.isMajor) return undefined
  const tiers = tiersVisibleTo(maxTier)
  const [span, latest] = await Promise.all([groupSpan(context.db, major.appId, major.id, tiers), latestGroupMembers(context.db, major.appId, major.id, tiers, explainedReports)])
  const words = emptyGroupWords()
  for (const member of latest) countGroupWords(words, signatureOf(member))
  const explanation = explainGroup(words, { reports: span.reports, minutes: span.firstAt === null || span.lastAt === null ? 0 : (span.lastAt - span.firstAt) / 60_000 })
  return {
    reports: span.reports,
    firstReportAt: span.firstAt === null ? null : new Date(span.firstAt).toISOString(),
    lastReportAt: span.lastAt === null ? null : new Date(span.lastAt).toISOString(),
    about: explanation.about,
    words: explanation.words,
    summary: explanation.summary,
  }
}

/** A major incident's profile from its latest reports in storage (every tier: it is what grouping saw). */
export async function storedGroupProfile(context: ServiceContext, major: IncidentRow): Promise<Map<string, number>> {
  const latest = await latestGroupMembers(context.db, major.appId, major.id, tiersVisibleTo('L3'), profiledReports)
  return groupProfile(latest.map(signatureOf))
}

/** The enriched ticket, and for a major incident why its reports belong together (as a key of `maxTier` may see them). */
export async function majorIncidentView(context: ServiceContext, row: IncidentRow, maxTier: Tier, locale: Locale): Promise<Incident> {
  const [view, group] = await Promise.all([incidentView(context, row, maxTier, locale), majorGroup(context, row, maxTier)])
  return group ? { ...view, group } : view
}

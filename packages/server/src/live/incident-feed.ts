/**
 * The console's live feed: every change to a ticket the caller may see, a ticket leaving their
 * view, and presence, as they happen. It polls storage, so it works the same with one Node
 * process, several, or Workers isolates on one database: each poll is one range of the
 * `(app_id, updated_at)` index and one small presence read.
 *
 * Isolation: only tickets of the caller's app and tiers are ever sent, in full or as presence;
 * a ticket that leaves their tiers is announced once, by id, and only to those who could see it.
 */
import type { IncidentStreamEvent, Tier } from '@triage/protocol'
import type { AgentCaller } from '../domain/callers.ts'
import type { ServiceContext } from '../domain/context.ts'
import { agentScope, tiersVisibleTo } from '../domain/visibility.ts'
import { toIncidentSummary } from '../incidents/views.ts'
import type { FeedPosition } from '../storage/incident-feed.ts'
import { changesSince, escalatedFrom } from '../storage/incident-feed.ts'
import type { PresenceRow } from '../storage/presence.ts'
import { appPresence } from '../storage/presence.ts'
import { abortableSleep } from './abortable-sleep.ts'
import { presenceTtlMs, toPresence } from './presence.ts'

export interface FeedOptions {
  /** The `id:` of the last event the client has (its Last-Event-ID): changes from then on. */
  lastEventId?: string | undefined
  /** How often storage is read, in ms. */
  pollMs: number
  /** When the feed ends (clients reconnect): bounded streams suit proxies and Workers. */
  maxMs: number
  signal: AbortSignal
}

/** A feed event and the `id:` to send with it (a cursor for incident changes). */
export type FeedEvent = IncidentStreamEvent & { id?: string }

/**
 * Changes are read again this far back: a write takes its `updated_at` a moment before it
 * commits, so a change may show after a later one. What was already sent is not sent twice.
 */
const settleMs = 2_000
/** A reconnection resumes at most this far back; a client away longer reloads its list. */
const maxResumeMs = 10 * 60_000
const changesPerRead = 200

/** Where a feed starts: after the client's last event (within `maxResumeMs`), else now. */
function startOf(lastEventId: string | undefined, now: number): number {
  const last = lastEventId !== undefined && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : undefined
  return last === undefined ? now : Math.min(now, Math.max(last, now - maxResumeMs))
}

/** A signature of who is where, to send presence only when it changed. */
function presenceByIncident(rows: readonly PresenceRow[]): Map<string, { rows: PresenceRow[]; signature: string }> {
  const byIncident = new Map<string, { rows: PresenceRow[]; signature: string }>()
  for (const row of rows) {
    const entry = byIncident.get(row.incidentId) ?? { rows: [], signature: '' }
    entry.rows.push(row)
    entry.signature += `${row.viewerId}:${row.name}:${row.typing ? 1 : 0}:${row.since};`
    byIncident.set(row.incidentId, entry)
  }
  return byIncident
}

/** The feed of one caller, until `maxMs` passes or the client goes. */
export async function* incidentFeed(context: ServiceContext, agent: AgentCaller, options: FeedOptions): AsyncGenerator<FeedEvent> {
  const tiers: Tier[] = tiersVisibleTo(agentScope(agent).maxTier)
  const until = Date.now() + options.maxMs
  let from = startOf(options.lastEventId, context.now())
  /** Versions sent within the settle window: incident id → revision. */
  let sent = new Map<string, { revision: string; updatedAt: number }>()
  let presence = new Map<string, { rows: PresenceRow[]; signature: string }>()
  /** Tickets announced as gone from the caller's tiers: said once, whatever changes them after. */
  const gone = new Set<string>()

  while (!options.signal.aborted && Date.now() < until) {
    const now = context.now()
    const since = from - settleMs
    // Page through everything changed since: a major resolved with its 300 reports is 300 changes in an instant.
    let after: FeedPosition | undefined
    for (;;) {
      const page = await changesSince(context.db, agent.appId, since, after, changesPerRead)
      const changes = page.filter((row) => sent.get(row.id)?.revision !== row.revision)
      const left = await escalatedFrom(
        context.db,
        changes.filter((row) => !tiers.includes(row.tier)).map((row) => row.id),
        tiers,
        since,
      )
      for (const row of changes) {
        sent.set(row.id, { revision: row.revision, updatedAt: row.updatedAt })
        from = Math.max(from, row.updatedAt)
        const id = String(row.updatedAt)
        if (tiers.includes(row.tier)) yield { event: 'incident', id, data: toIncidentSummary(row, now, agent.locale) }
        else if (left.has(row.id) && !gone.has(row.id)) {
          gone.add(row.id)
          yield { event: 'incident_removed', id, data: { id: row.id, reason: 'escalated' } }
        }
      }
      const last = page[page.length - 1]
      if (!last || page.length < changesPerRead) break
      after = { updatedAt: last.updatedAt, rowid: last.rowid }
    }
    sent = new Map([...sent].filter(([, version]) => version.updatedAt >= from - settleMs))

    const current = presenceByIncident(await appPresence(context.db, agent.appId, tiers, now - presenceTtlMs))
    for (const [incidentId, entry] of current) {
      if (presence.get(incidentId)?.signature !== entry.signature) yield { event: 'presence', data: toPresence(incidentId, entry.rows) }
    }
    for (const incidentId of presence.keys()) {
      if (!current.has(incidentId)) yield { event: 'presence', data: toPresence(incidentId, []) }
    }
    presence = current
    await abortableSleep(options.pollMs, options.signal)
  }
}

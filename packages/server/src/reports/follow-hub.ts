import type { ReportView } from '@triage/protocol'
import type { ServiceContext } from '../domain/context.ts'
import { onIncidentsChanged } from '../storage/change-signal.ts'
import { findIncidentById, incidentsByIds, publicEventsOf, revisionsChangedSince } from '../storage/incidents.ts'
import { attachmentsOfIncidents } from '../storage/attachments.ts'
import { appSla } from '../incidents/changes.ts'
import { authorizeReporter, reporterView } from './reporter-actions.ts'
import { toReportView } from './views.ts'

/** One state of a followed report, serialized once for every follower. */
export interface ReportUpdate {
  version: string
  view: ReportView
  /** `view` as JSON. */
  json: string
}

/** Where a follower's updates go; the route turns them into Server-Sent Events. */
export interface Follower {
  update(update: ReportUpdate): void
  /** Nothing changed for a while: a comment keeps proxies from closing the connection. */
  keepAlive(): void
  /** The follow is over (its time is up): the client reconnects. */
  end(): void
}

export interface FollowHubOptions {
  /** How often the followed apps are checked for changes made elsewhere (another process), in ms. */
  pollMs: number
  /** How long one follow lasts; clients reconnect (bounded streams suit proxies and Workers). */
  maxMs: number
  /** How often a keep-alive goes to every follower, in ms. Default 15 s. */
  keepAliveMs?: number
}

interface Followed {
  appId: string
  /** The latest state read, shared by every follower of the report. */
  latest: ReportUpdate | undefined
  followers: Map<Follower, { seen: string | undefined; until: number }>
}

/**
 * A write takes its `updated_at` a moment before it commits, so each check reads changes again
 * this far back; a change seen twice is sent once (its revision is the one already sent).
 */
const settleMs = 5_000
const changesPerRead = 2_000

/**
 * Live follow whose cost does not grow with idle followers. What changed is found per app, with
 * one seek of the `(app_id, updated_at)` index per check, however many reports and followers the
 * app has: 10,000 people following an outage cost one small read a second while nothing happens.
 * This process's own writes are heard at once (storage's change signal), so they reach followers
 * without waiting for the next check. The views of the changed reports are read in bulk and built
 * and serialized once per change, not once per follower. Followers are plain callbacks, so a
 * stream holds no generator, timer or listener of its own.
 *
 * On Workers, where I/O belongs to the request that started it, make one hub per request: it then
 * checks its own report only, and hears no other request's writes.
 */
export function followHub(context: ServiceContext, options: FollowHubOptions) {
  const keepAliveMs = options.keepAliveMs ?? 15_000
  const reports = new Map<string, Followed>()
  /** How many followed reports each app has: an app's bookkeeping goes with its last one. */
  const reportsPerApp = new Map<string, number>()
  /** Per followed app: changes at or after this `updated_at` are checked at the next settling poll. */
  const checkedFrom = new Map<string, number>()
  /** Per followed app: the last change read, where a poll for this process's own writes goes on from. */
  const readUpTo = new Map<string, { updatedAt: number; rowid: number }>()
  let timer: ReturnType<typeof setInterval> | undefined
  let polling: Promise<void> | undefined
  let again = false
  let settleNext = false
  let lastKeepAlive = Date.now()
  let unsubscribe: (() => void) | undefined

  /** The report's current state; undefined once it is gone or its data erased (its follows then end). */
  async function buildOne(id: string): Promise<ReportUpdate | undefined> {
    const incident = await findIncidentById(context.db, id)
    if (!incident || incident.erasedAt !== null) return undefined
    const view = await reporterView(context, incident)
    return { version: incident.revision, view, json: JSON.stringify(view) }
  }

  /** The views of many changed reports: four reads per hundred, however many changed. */
  async function buildMany(ids: string[]): Promise<Map<string, ReportUpdate>> {
    const updates = new Map<string, ReportUpdate>()
    const rows = await incidentsByIds(context.db, ids)
    const events = await publicEventsOf(context.db, ids)
    const files = await attachmentsOfIncidents(context.db, ids)
    const policies = new Map<string, Awaited<ReturnType<typeof appSla>>['policy']>()
    for (const row of rows) {
      // Erased: nothing of it is built, so nothing of it is sent (poll ends its streams).
      if (row.erasedAt !== null) continue
      if (!policies.has(row.appId)) policies.set(row.appId, (await appSla(context, row.appId)).policy)
      const view = toReportView(row, events.get(row.id) ?? [], policies.get(row.appId) ?? undefined, context.sendsEmail, files.get(row.id))
      updates.set(row.id, { version: row.revision, view, json: JSON.stringify(view) })
    }
    return updates
  }

  function deliver(followed: Followed): void {
    const { latest } = followed
    if (!latest) return
    for (const [follower, state] of followed.followers) {
      if (state.seen === latest.version) continue
      state.seen = latest.version
      follower.update(latest)
    }
  }

  /**
   * Reads what changed in the followed apps. A settling poll (the timer's) reads the last
   * `settleMs` again, for writes of other processes that committed late; a poll for this
   * process's own writes (the change signal) goes on from the last change read, so a burst of
   * 10,000 changes is read once, not once per commit for five seconds. A local write that commits
   * behind a newer one is still found by the next settling poll, within `pollMs`.
   */
  async function poll(settle: boolean): Promise<void> {
    const startedAt = context.now()
    const changed: string[] = []
    for (const [appId, from] of checkedFrom) {
      const upTo = settle ? undefined : readUpTo.get(appId)
      let after = upTo
      let newest = from
      for (;;) {
        const rows = await revisionsChangedSince(context.db, appId, upTo?.updatedAt ?? from, after, changesPerRead)
        for (const row of rows) {
          newest = Math.max(newest, row.updatedAt)
          const followed = reports.get(row.id)
          if (followed && followed.latest?.version !== row.revision) changed.push(row.id)
        }
        const last = rows[rows.length - 1]
        if (last) after = { updatedAt: last.updatedAt, rowid: last.rowid }
        if (!last || rows.length < changesPerRead) break
      }
      if (after) readUpTo.set(appId, after)
      if (settle) checkedFrom.set(appId, Math.max(from, Math.min(newest, startedAt) - settleMs))
    }
    if (changed.length > 0) {
      const ids = [...new Set(changed)]
      const updates = await buildMany(ids)
      for (const id of ids) {
        const followed = reports.get(id)
        if (!followed) continue
        const update = updates.get(id)
        if (!update) {
          // Erased (or gone): nothing more of it is sent, and the stream ends (a reconnect is told 410).
          for (const follower of [...followed.followers.keys()]) {
            remove(id, follower)
            follower.end()
          }
          continue
        }
        followed.latest = update
        deliver(followed)
      }
    }
    // Every follower is visited on the timer's checks only: a burst of this process's writes (a
    // major incident's 10,000 reports resolved 50 at a time) checks 200 times in seconds, and
    // visiting 10,000 followers each time cost more than the changes themselves.
    if (!settle) return
    const now = Date.now()
    const keepAlive = now - lastKeepAlive >= keepAliveMs
    if (keepAlive) lastKeepAlive = now
    for (const [id, followed] of reports) {
      for (const [follower, state] of followed.followers) {
        if (now >= state.until) {
          remove(id, follower)
          follower.end()
        } else if (keepAlive) {
          follower.keepAlive()
        }
      }
    }
  }

  /** Runs a check now, or right after the one running: never two at once, none lost. */
  function check(settle = false): void {
    settleNext ||= settle
    if (polling) {
      again = true
      return
    }
    const settling = settleNext
    settleNext = false
    polling = poll(settling)
      .catch((error: unknown) => console.error('following reports failed:', error))
      .finally(() => {
        polling = undefined
        if (again) {
          again = false
          check()
        }
      })
  }

  function remove(id: string, follower: Follower): void {
    const followed = reports.get(id)
    if (!followed?.followers.delete(follower) || followed.followers.size > 0) return
    reports.delete(id)
    const left = (reportsPerApp.get(followed.appId) ?? 1) - 1
    if (left > 0) reportsPerApp.set(followed.appId, left)
    else {
      reportsPerApp.delete(followed.appId)
      checkedFrom.delete(followed.appId)
      readUpTo.delete(followed.appId)
    }
    if (reports.size === 0) {
      if (timer !== undefined) clearInterval(timer)
      timer = undefined
      unsubscribe?.()
      unsubscribe = undefined
    }
  }

  return {
    /**
     * Follows a report for its reporter: checks the token (a wrong one fails before anything
     * starts), sends the current state unless it is the one the client has (`since`, its
     * Last-Event-ID), then every change.
     *
     * @returns a function that stops the follow (the client went away)
     */
    async follow(id: string, reporterToken: string, follower: Follower, since?: string): Promise<() => void> {
      const incident = await authorizeReporter(context, id, reporterToken)
      let followed = reports.get(id)
      if (!followed) {
        reports.set(id, (followed = { appId: incident.appId, latest: undefined, followers: new Map() }))
        reportsPerApp.set(incident.appId, (reportsPerApp.get(incident.appId) ?? 0) + 1)
      }
      followed.followers.set(follower, { seen: since, until: Date.now() + options.maxMs })
      // Changes from now on are checked: what happened before is in the state sent below.
      if (!checkedFrom.has(incident.appId)) checkedFrom.set(incident.appId, incident.updatedAt)
      if (followed.latest?.version !== incident.revision) followed.latest = (await buildOne(id)) ?? followed.latest
      deliver(followed)
      if (timer === undefined) {
        timer = setInterval(() => check(true), options.pollMs)
        // Open streams keep a Node server alive by themselves; the poll timer need not.
        ;(timer as { unref?: () => void }).unref?.()
        // This process's writes are heard at once; on Workers a write belongs to another request.
        if (!context.requestBoundIo) {
          unsubscribe = onIncidentsChanged(context.db, (appIds) => {
            for (const appId of appIds) {
              if (checkedFrom.has(appId)) return check()
            }
          })
        }
      }
      return () => remove(id, follower)
    },
  }
}

export type FollowHub = ReturnType<typeof followHub>

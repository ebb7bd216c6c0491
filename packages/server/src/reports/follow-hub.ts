import type { ReportView } from '@triage/protocol'
import { findIncidentById, incidentRevisions } from '../storage/incidents.ts'
import type { ServiceContext } from '../domain/context.ts'
import { authorizeReporter, reporterView } from './reporter-actions.ts'

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
  /** How often followed reports are checked for a new revision, in ms. */
  pollMs: number
  /** How long one follow lasts; clients reconnect (bounded streams suit proxies and Workers). */
  maxMs: number
  /** How often a keep-alive goes to every follower, in ms. Default 15 s. */
  keepAliveMs?: number
}

interface Followed {
  /** The latest state read, shared by every follower of the report. */
  latest: ReportUpdate | undefined
  followers: Map<Follower, { seen: string | undefined; until: number }>
}

// Revisions are read by primary key, 100 ids a query: D1 binds at most 100 parameters.
const revisionsPerQuery = 100

/**
 * Live follow for many followers at the cost of few: every followed report is checked with one
 * indexed read of its revision per poll, however many followers it has (ids batched 100 to a
 * query), and its view is built and serialized once per change, not once per follower. One timer
 * serves all followers' polls and keep-alives. Followers are plain callbacks, so a stream holds
 * no generator, timer or listener of its own.
 *
 * On Workers, where I/O belongs to the request that started it, make one hub per request.
 */
export function followHub(context: ServiceContext, options: FollowHubOptions) {
  const keepAliveMs = options.keepAliveMs ?? 15_000
  const reports = new Map<string, Followed>()
  let timer: ReturnType<typeof setInterval> | undefined
  let polling: Promise<void> | undefined
  let lastKeepAlive = Date.now()

  /** The report's current state; undefined once it is gone or its data erased (its follows then end). */
  async function build(id: string): Promise<ReportUpdate | undefined> {
    const incident = await findIncidentById(context.db, id)
    if (!incident || incident.erasedAt !== null) return undefined
    const view = await reporterView(context, incident)
    return { version: incident.revision, view, json: JSON.stringify(view) }
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

  async function poll(): Promise<void> {
    const now = Date.now()
    const ids = [...reports.keys()]
    for (let start = 0; start < ids.length; start += revisionsPerQuery) {
      for (const { id, revision } of await incidentRevisions(context.db, ids.slice(start, start + revisionsPerQuery))) {
        const followed = reports.get(id)
        if (!followed || followed.latest?.version === revision) continue
        const latest = await build(id)
        if (!latest) {
          // Erased: nothing more of it is sent, and the stream ends (a reconnect is told 410).
          for (const follower of [...followed.followers.keys()]) {
            remove(id, follower)
            follower.end()
          }
          continue
        }
        followed.latest = latest
        deliver(followed)
      }
    }
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

  function tick(): void {
    // A poll slower than the interval is not stacked under the next one.
    polling ??= poll()
      .catch((error: unknown) => console.error('following reports failed:', error))
      .finally(() => {
        polling = undefined
      })
  }

  function remove(id: string, follower: Follower): void {
    const followed = reports.get(id)
    if (!followed?.followers.delete(follower) || followed.followers.size > 0) return
    reports.delete(id)
    if (reports.size === 0 && timer !== undefined) {
      clearInterval(timer)
      timer = undefined
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
      if (!followed) reports.set(id, (followed = { latest: undefined, followers: new Map() }))
      followed.followers.set(follower, { seen: since, until: Date.now() + options.maxMs })
      if (followed.latest?.version !== incident.revision) followed.latest = (await build(id)) ?? followed.latest
      deliver(followed)
      if (timer === undefined) {
        timer = setInterval(tick, options.pollMs)
        // Open streams keep a Node server alive by themselves; the poll timer need not.
        ;(timer as { unref?: () => void }).unref?.()
      }
      return () => remove(id, follower)
    },
  }
}

export type FollowHub = ReturnType<typeof followHub>

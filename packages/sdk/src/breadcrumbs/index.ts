/**
 * @triage/sdk/breadcrumbs — what happened just before a report: navigations, clicks, console
 * errors and warnings, failed requests, uncaught errors. Opt in by passing it to createTriage.
 */
import type { Breadcrumb } from '@triage/protocol'
import { limits } from '@triage/protocol'
import type { TriageIntegration } from '../integration.ts'
import { scrub } from '../scrub.ts'
import { captureClicks } from './clicks.ts'
import { captureConsole } from './console.ts'
import { captureHttp } from './http.ts'
import { captureNavigation } from './navigation.ts'
import { createRingBuffer } from './ring-buffer.ts'
import type { BreadcrumbInput } from './types.ts'
import { captureErrors } from './uncaught.ts'

export type { BreadcrumbInput } from './types.ts'
export { describeElement } from './clicks.ts'

export interface BreadcrumbsOptions {
  /** How many breadcrumbs to keep, the latest. Default 50; at most 100 (the server's limit). */
  max?: number
  /** How much JSON they may weigh in all, in bytes. Default 16 384. */
  maxBytes?: number
  /** Record `console.error` and `console.warn`. Default true. */
  console?: boolean
  /** Record clicks (an element descriptor, never field values). Default true. */
  clicks?: boolean
  /** Record `history.pushState`, `replaceState` and `popstate`. Default true. */
  navigation?: boolean
  /** Record failed `fetch` and `XMLHttpRequest` calls. Default true. */
  http?: boolean
  /** Record uncaught errors and unhandled rejections. Default true. */
  errors?: boolean
}

export interface BreadcrumbsIntegration extends TriageIntegration {
  /** Adds your own breadcrumb (scrubbed like the others). */
  add(crumb: BreadcrumbInput): void
  /** What is kept now, oldest first. */
  list(): Breadcrumb[]
  clear(): void
}

const inBrowser = () => typeof window !== 'undefined' && typeof document !== 'undefined'

/**
 * Keeps the last breadcrumbs in a ring buffer bounded by count and bytes, and adds them to each
 * report's context. Hooks wrap and call through (the page behaves as before) and are removed by
 * `client.close()`. DOM hooks install only in a browser; console and fetch also in Node.
 *
 * @example
 * import { createTriage } from '@triage/sdk'
 * import { breadcrumbs } from '@triage/sdk/breadcrumbs'
 *
 * const crumbs = breadcrumbs({ max: 30 })
 * const triage = createTriage({ endpoint, key, integrations: [crumbs] })
 * crumbs.add({ type: 'navigation', message: 'opened the invoice editor' })
 */
/* @__NO_SIDE_EFFECTS__ */
export function breadcrumbs(options: BreadcrumbsOptions = {}): BreadcrumbsIntegration {
  const opts = { max: 50, maxBytes: 16_384, console: true, clicks: true, navigation: true, http: true, errors: true, ...options } satisfies Required<BreadcrumbsOptions>
  const ring = createRingBuffer(Math.min(opts.max, limits.breadcrumbs), opts.maxBytes)

  function add(crumb: BreadcrumbInput): void {
    // Called from inside the page's own calls: it must never throw into them.
    try {
      const data = crumb.data && Object.fromEntries(Object.entries(crumb.data).map(([name, value]) => [name, typeof value === 'string' ? value.slice(0, 1_000) : value]))
      ring.push(scrub({ ...crumb, at: crumb.at ?? new Date().toISOString(), message: crumb.message.slice(0, 500), data }))
    } catch {
      // A breadcrumb lost is better than a page broken.
    }
  }

  return {
    name: 'breadcrumbs',
    add,
    list: ring.list,
    clear: ring.clear,
    setup({ endpoint }) {
      const browser = inBrowser()
      const undo = [
        opts.console && captureConsole(add),
        opts.http && captureHttp(add, endpoint),
        browser && opts.clicks && captureClicks(add),
        browser && opts.navigation && captureNavigation(add),
        browser && opts.errors && captureErrors(add),
      ]
      return () => {
        for (const restore of undo) if (restore) restore()
      }
    },
    context: () => ({ breadcrumbs: ring.list() }),
  }
}

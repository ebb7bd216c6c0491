import { computed, signal } from '@preact/signals'

/** Every console URL is under this path; the server answers each with the console's page. */
export const base = '/console'

/** The screens, by URL. */
export type Route = { screen: 'queue' } | { screen: 'ticket'; id: string } | { screen: 'metrics' } | { screen: 'sign-in' } | { screen: 'invitation'; token: string }

/**
 * The route of a console URL: `/console` (the queue, its view and filters in the query),
 * `/console/incidents/<id>`, `/console/metrics`, `/console/sign-in`, and the invitation link,
 * `/console/invitation#<token>` (a fragment never reaches a server log or a Referer).
 * @example parseRoute('/console/incidents/inc_1', '') // { screen: 'ticket', id: 'inc_1' }
 */
export function parseRoute(pathname: string, hash: string): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent)
  if (parts[0] === 'incidents' && parts[1]) return { screen: 'ticket', id: parts[1] }
  if (parts[0] === 'metrics') return { screen: 'metrics' }
  if (parts[0] === 'sign-in') return { screen: 'sign-in' }
  if (parts[0] === 'invitation') return { screen: 'invitation', token: decodeURIComponent(hash.replace(/^#/, '')) }
  return { screen: 'queue' }
}

/** Where the console is: the browser's location, as signals. */
export const location = signal({ pathname: window.location.pathname, search: window.location.search, hash: window.location.hash })
export const route = computed(() => parseRoute(location.value.pathname, location.value.hash))
/** The query of the current URL (the queue's view, filters and sort live there, so a link shares them). */
export const searchParams = computed(() => new URLSearchParams(location.value.search))

const sync = () => (location.value = { pathname: window.location.pathname, search: window.location.search, hash: window.location.hash })
window.addEventListener('popstate', sync)

/**
 * Goes to a console URL without reloading. `replace` for changes that are not a step of their own
 * (a filter typed letter by letter).
 */
export function navigate(path: string, { replace = false } = {}): void {
  const url = path.startsWith(base) ? path : `${base}${path}`
  if (url === window.location.pathname + window.location.search) return
  if (replace) window.history.replaceState(null, '', url)
  else window.history.pushState(null, '', url)
  sync()
}

/** The URL of a ticket. */
export const ticketPath = (id: string) => `${base}/incidents/${encodeURIComponent(id)}`

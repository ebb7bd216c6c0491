/** A route as Hono lists it (`app.routes`). */
export interface RouteEntry {
  method: string
  path: string
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A Hono path (`/v1/incidents/:id`, `/:file{[a-z]+\.js}`) as a regular expression over whole paths. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*'
      const param = /^:\w+(?:\{(.+)\})?$/.exec(segment)
      if (param) return param[1] ? `(?:${param[1]})` : '[^/]+'
      return escapeRegExp(segment)
    })
    .join('/')
  return new RegExp(`^${source}$`)
}

/**
 * The methods the routes answer at a path, for a 405's `Allow` header (RFC 9110 §15.5.6): empty
 * when no route has the path (a 404). HEAD goes with GET, as Hono answers it. Middleware
 * (`ALL`) does not count.
 *
 * @example
 * allowedMethods([{ method: 'GET', path: '/v1/incidents/:id' }], '/v1/incidents/inc_1') // ['GET', 'HEAD']
 */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  const methods = new Set<string>()
  for (const route of routes) {
    if (route.method === 'ALL' || !patternOf(route.path).test(path)) continue
    methods.add(route.method)
    if (route.method === 'GET') methods.add('HEAD')
  }
  return [...methods]
}

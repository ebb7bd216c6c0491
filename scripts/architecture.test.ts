/**
 * The layers point one way (README "Architecture"): no import cycles anywhere in
 * `packages/<name>/src`, the server's services never reach up into HTTP, storage never reaches into
 * the features that use it, and the engine depends on the wire contract alone. Read from the
 * files' own imports (scripts/import-graph.ts), so a new file is held to the same rules.
 */
import { describe, expect, it } from 'vitest'
import type { ImportEdge } from './import-graph.ts'
import { cyclesOf, importGraph } from './import-graph.ts'

const { files, edges } = importGraph()
const server = 'packages/server/src/'
const inServer = (file: string) => file.startsWith(server)
const serverPath = (file: string) => file.slice(server.length)

/** Where HTTP is allowed: the middleware itself, each feature's routes, and the entries that assemble the app. */
const speaksHttp = (file: string) =>
  /^http\//.test(serverPath(file)) ||
  /(^|\/)routes\.ts$/.test(serverPath(file)) ||
  ['app.ts', 'node.ts', 'node-server.ts', 'worker.ts', 'static-pages.ts', 'index.ts'].includes(serverPath(file))

const violations = (rule: (edge: ImportEdge) => boolean) => edges.filter(rule).map((edge) => `${edge.from} → ${edge.to}`)

describe('the import graph', () => {
  it('reads the workspace (a check that could not see the files would pass anything)', () => {
    expect(files.length).toBeGreaterThan(150)
    expect(edges.some((edge) => edge.from === `${server}app.ts` && edge.to.startsWith(`${server}http/`))).toBe(true)
  })

  it('has no import cycles in packages/<name>/src, type-only imports included', () => {
    expect(cyclesOf(files, edges)).toEqual([])
  })

  it('finds a cycle when there is one (the check itself)', () => {
    const a = 'a.ts'
    const b = 'b.ts'
    expect(
      cyclesOf(
        [a, b, 'c.ts'],
        [
          { from: a, to: b, typeOnly: true },
          { from: b, to: a, typeOnly: false },
          { from: 'c.ts', to: a, typeOnly: false },
        ],
      ),
    ).toEqual([[a, b]])
  })
})

describe("the server's layers", () => {
  it('no service, job, view or storage function imports from http/: only middleware, routes and the entries speak HTTP', () => {
    expect(violations((edge) => inServer(edge.from) && !speaksHttp(edge.from) && serverPath(edge.to).startsWith('http/'))).toEqual([])
  })

  it('storage and the schema import only storage, the schema, security and ids: never the features above them', () => {
    const below = (path: string) => /^(storage|db|security)\//.test(path) || path === 'ids.ts'
    expect(violations((edge) => inServer(edge.from) && /^(storage|db)\//.test(serverPath(edge.from)) && inServer(edge.to) && !below(serverPath(edge.to)))).toEqual([])
  })

  it('the domain (callers, errors, visibility, context) sits below the features: it imports no feature, job or route', () => {
    // The context names the stores it hands to services (types of storage), and nothing else of them.
    const allowed = (edge: ImportEdge) => /^(domain|db|security)\//.test(serverPath(edge.to)) || (edge.typeOnly && serverPath(edge.to).startsWith('storage/'))
    expect(violations((edge) => inServer(edge.from) && serverPath(edge.from).startsWith('domain/') && inServer(edge.to) && !allowed(edge))).toEqual([])
  })
})

describe('the packages', () => {
  it('the engine imports only the protocol (it is pure: no I/O, no server)', () => {
    expect(
      violations((edge) => edge.from.startsWith('packages/engine/src/') && !edge.to.startsWith('packages/engine/src/') && !edge.to.startsWith('packages/protocol/src/')),
    ).toEqual([])
  })

  it('the protocol imports nothing of the workspace', () => {
    expect(violations((edge) => edge.from.startsWith('packages/protocol/src/') && !edge.to.startsWith('packages/protocol/src/'))).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { allowedMethods } from './allowed-methods.ts'

const routes = [
  { method: 'ALL', path: '/v1/reports/*' },
  { method: 'GET', path: '/v1/incidents/:id' },
  { method: 'PATCH', path: '/v1/incidents/:id' },
  { method: 'POST', path: '/v1/incidents/:id/resolve' },
  { method: 'GET', path: '/:file{[a-z][a-z-]*\\.js}' },
]

describe('allowedMethods', () => {
  it('names every method of the routes at a path, HEAD with GET, and not middleware', () => {
    expect(allowedMethods(routes, '/v1/incidents/inc_1')).toEqual(['GET', 'HEAD', 'PATCH'])
    expect(allowedMethods(routes, '/v1/incidents/inc_1/resolve')).toEqual(['POST'])
    expect(allowedMethods(routes, '/widget.js')).toEqual(['GET', 'HEAD'])
  })

  it('is empty where no route has the path', () => {
    expect(allowedMethods(routes, '/v1/reports/x')).toEqual([])
    expect(allowedMethods(routes, '/v1/incidents')).toEqual([])
    expect(allowedMethods(routes, '/Widget.js')).toEqual([])
  })
})

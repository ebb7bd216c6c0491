// The public routes' limit in-process: one budget per checked caller and address, however the
// credential is spelled, and separate budgets for separate callers (#12.4).
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { ServiceContext } from '../domain/context.ts'
import type { AppEnv } from './env.ts'
import { rateLimit } from './rate-limit.ts'
import { memoryRateLimitStore } from './rate-limit-store.ts'

function limitedApp(limit: number) {
  const now = 1_000_000
  const app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('services', { now: () => now } as ServiceContext)
    await next()
  })
  app.use(
    '*',
    rateLimit({
      store: memoryRateLimitStore({ limit, windowMs: 60_000 }),
      name: 'public',
      clientAddress: (c) => c.req.header('x-test-address') ?? '203.0.113.9',
      // As caller-identity.ts does: the checked caller, not the header's text.
      identify: async (c) =>
        c.req
          .header('authorization')
          ?.replace(/^bearer\s+/i, '')
          .trim() === 'rt_good'
          ? 'report:inc_1'
          : 'anonymous',
    }),
  )
  app.get('/', (c) => c.text('ok'))
  return app
}

describe('rateLimit', () => {
  it('counts every spelling of one credential in one budget, then answers 429 with Retry-After', async () => {
    const app = limitedApp(3)
    const spellings = ['Bearer rt_good', 'bearer rt_good', 'BEARER   rt_good ']
    for (const spelling of spellings) expect((await app.request('/', { headers: { authorization: spelling } })).status).toBe(200)
    const refused = await app.request('/', { headers: { authorization: 'Bearer rt_good' } })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await refused.json()).toMatchObject({ code: 'rate_limited', retryAfter: Number(refused.headers.get('retry-after')) })
  })

  it('keeps other callers and other addresses on budgets of their own', async () => {
    const app = limitedApp(1)
    expect((await app.request('/', { headers: { authorization: 'Bearer rt_good' } })).status).toBe(200)
    expect((await app.request('/', { headers: { authorization: 'Bearer rt_good' } })).status).toBe(429)
    expect((await app.request('/')).status).toBe(200)
    expect((await app.request('/', { headers: { authorization: 'Bearer rt_good', 'x-test-address': '198.51.100.4' } })).status).toBe(200)
  })
})

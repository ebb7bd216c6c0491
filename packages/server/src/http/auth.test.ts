// Authentication middleware in-process (`app.request()`, no socket), as Hono tests its own: each
// credential kind, each refusal, and what a valid one hands to the route.
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServiceContext } from '../domain/context.ts'
import { generateKey, reporterTokenFor } from '../security/keys.ts'
import { insertApp, insertKey, revokeKey } from '../storage/apps.ts'
import { openLibsql } from '../storage/open-libsql.ts'
import { requireAdmin, requirePublishableKey, requireReporterToken, requireAgent } from './auth.ts'
import type { AppEnv } from './env.ts'

let close: () => void
let app: Hono<AppEnv>
const keys = { publishable: generateKey('publishable'), l1: generateKey('secret'), admin: generateKey('secret'), revoked: generateKey('secret') }
const reporterSecret = 'auth-test-secret'

beforeAll(async () => {
  const opened = await openLibsql({ url: ':memory:' })
  close = opened.close
  const services: ServiceContext = { db: opened.db, reporterSecret, now: Date.now }
  const appId = await insertApp(opened.db, { name: 'Auth test', allowedOrigins: ['https://shop.example'] })
  await insertKey(opened.db, { appId, kind: 'publishable', name: 'page', key: keys.publishable })
  await insertKey(opened.db, { appId, kind: 'secret', role: 'l1', name: 'Lea', key: keys.l1 })
  await insertKey(opened.db, { appId, kind: 'secret', role: 'admin', name: 'Ada', key: keys.admin })
  await revokeKey(opened.db, await insertKey(opened.db, { appId, kind: 'secret', role: 'admin', name: 'gone', key: keys.revoked }))
  app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('services', services)
    await next()
  })
  app.get('/public', requirePublishableKey, (c) => c.json({ appId: c.var.publicCaller.appId }))
  app.get('/agent', requireAgent, (c) => c.json(c.var.agent))
  app.get('/admin', requireAgent, requireAdmin, (c) => c.json({ ok: true }))
  app.get('/v1/reports/:id', requireReporterToken, (c) => c.json({ token: c.var.reporterToken }))
})
afterAll(() => close())

const status = async (path: string, headers: Record<string, string> = {}) => (await app.request(path, { headers })).status

describe('requirePublishableKey', () => {
  it('takes a known key from an allowed origin, or from a server (no Origin)', async () => {
    expect(await status('/public', { 'x-triage-key': keys.publishable, origin: 'https://shop.example' })).toBe(200)
    expect(await status('/public', { 'x-triage-key': keys.publishable })).toBe(200)
  })
  it('refuses no key, a secret key in its place, an unknown key (401) and another origin (403)', async () => {
    expect(await status('/public')).toBe(401)
    expect(await status('/public', { 'x-triage-key': keys.admin })).toBe(401)
    expect(await status('/public', { 'x-triage-key': generateKey('publishable') })).toBe(401)
    expect(await status('/public', { 'x-triage-key': keys.publishable, origin: 'https://evil.example' })).toBe(403)
  })
})

describe('requireAgent (with a key) and requireAdmin', () => {
  it('hands the route the agent behind a key, in the language they read', async () => {
    const response = await app.request('/agent', { headers: { authorization: `bearer ${keys.l1}`, 'accept-language': 'fr-CA,fr;q=0.9' } })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ name: 'Lea', role: 'l1', locale: 'fr', agentId: null })
  })
  it('refuses no key, a publishable key, an unknown or revoked key (401), and a non-admin on admin routes (403)', async () => {
    expect(await status('/agent')).toBe(401)
    expect(await status('/agent', { authorization: `Bearer ${keys.publishable}` })).toBe(401)
    expect(await status('/agent', { authorization: `Bearer ${generateKey('secret')}` })).toBe(401)
    expect(await status('/agent', { authorization: `Bearer ${keys.revoked}` })).toBe(401)
    expect(await status('/admin', { authorization: `Bearer ${keys.l1}` })).toBe(403)
    expect(await status('/admin', { authorization: `Bearer ${keys.admin}` })).toBe(200)
  })
})

describe('requireReporterToken', () => {
  it('opens a report with its own token, in a header or as ?token=, and nothing else', async () => {
    const token = await reporterTokenFor(reporterSecret, 'inc_one')
    expect(await status('/v1/reports/inc_one', { authorization: `Bearer ${token}` })).toBe(200)
    expect(await status(`/v1/reports/inc_one?token=${token}`)).toBe(200)
    expect(await status('/v1/reports/inc_two', { authorization: `Bearer ${token}` })).toBe(404)
    expect(await status('/v1/reports/inc_one')).toBe(401)
  })
})

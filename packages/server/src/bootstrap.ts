import { randomToken } from './security/crypto.ts'
import { generateKey, hashKey } from './security/keys.ts'
import { findApp, insertApp, insertKey } from './storage/apps.ts'
import type { Database } from './db/database.ts'
import { findActivePublishableKey, findKeyByHash } from './storage/keys.ts'
import { getOrCreateSetting } from './storage/settings.ts'

/**
 * The secret that signs reporter tokens: `TRIAGE_SECRET` when set (recommended in production, so
 * a copy of the database alone cannot open reports), else one generated once and kept in settings.
 */
export async function reporterSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured
  return getOrCreateSetting(db, 'reporter_secret', () => randomToken(32))
}

export const demoAppId = 'app_demo'

export interface DemoKeys {
  publishableKey: string
  /** Only known when created now or given by TRIAGE_DEMO_SK: stored keys are hashes. */
  secretKey: string | undefined
  created: boolean
}

/**
 * Makes sure the demo app exists with a publishable key and an `admin` secret key, so a fresh
 * clone works with nothing to configure. Given keys (TRIAGE_DEMO_PK / TRIAGE_DEMO_SK) are added
 * if missing; otherwise keys are generated on the first start only.
 */
export async function ensureDemoApp(db: Database, options: { publishableKey?: string; secretKey?: string; allowedOrigins: string[] }): Promise<DemoKeys> {
  const created = !(await findApp(db, demoAppId))
  if (created) await insertApp(db, { id: demoAppId, name: 'Demo app', allowedOrigins: options.allowedOrigins })

  let publishableKey = options.publishableKey ?? (await findActivePublishableKey(db, demoAppId))
  if (!publishableKey) publishableKey = generateKey('publishable')
  if (!(await findKeyByHash(db, await hashKey(publishableKey)))) {
    await insertKey(db, { appId: demoAppId, kind: 'publishable', name: 'demo page', key: publishableKey })
  }

  let secretKey = options.secretKey
  if (!secretKey && created) secretKey = generateKey('secret')
  if (secretKey && !(await findKeyByHash(db, await hashKey(secretKey)))) {
    await insertKey(db, { appId: demoAppId, kind: 'secret', role: 'admin', name: 'demo admin', key: secretKey })
  }
  return { publishableKey, secretKey, created }
}

/**
 * A new app (tenant) with a publishable key and an `admin` secret key, written through storage:
 * what `triage apps create` and a key for its admin do, in one call, for tests and embedding.
 * @example
 * const { appId, publishableKey, secretKey } = await insertAppWithKeys(server.db, 'Acme Notes', ['https://notes.acme.example'])
 */
export async function insertAppWithKeys(db: Database, name: string, allowedOrigins: string[] = [], now = Date.now()) {
  const appId = await insertApp(db, { name, allowedOrigins }, now)
  const publishableKey = generateKey('publishable')
  const secretKey = generateKey('secret')
  const publishableKeyId = await insertKey(db, { appId, kind: 'publishable', name: `${name} page`, key: publishableKey }, now)
  const secretKeyId = await insertKey(db, { appId, kind: 'secret', role: 'admin', name: `${name} admin`, key: secretKey }, now)
  return { appId, publishableKey, secretKey, publishableKeyId, secretKeyId }
}

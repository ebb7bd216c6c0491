import type { ApiKeyCreate, ApiKeyCreated, ApiKeyInfo, AppSettings, AppSettingsPatch, Webhook, WebhookCreate, WebhookCreated, WebhookDelivery } from '@triage/protocol'
import { defaultSlaPolicy } from '@triage/engine'
import type { AgentCaller } from '../domain/callers.ts'
import { newId } from '../ids.ts'
import { randomToken } from '../security/crypto.ts'
import { generateKey } from '../security/keys.ts'
import { ensureIdentitySecret, findApp, findKey, insertKey, listKeys, revokeKey, updateApp } from '../storage/apps.ts'
import type { DeliveryRow, WebhookRow } from '../storage/webhooks.ts'
import { disableWebhook, findWebhook, insertWebhook, listDeliveries, listWebhooks, setWebhookSecret } from '../storage/webhooks.ts'
import type { ServiceContext } from '../domain/context.ts'
import { secretsOf } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import { actorOfAgent, recordAudit } from '../privacy/audit.ts'
import type { AuditRecord } from '../privacy/audit.ts'

const iso = (ms: number) => new Date(ms).toISOString()

/** Who changed what in the app's administration, on the audit trail. */
const audited = (context: ServiceContext, agent: AgentCaller, record: AuditRecord) => recordAudit(context, agent.appId, actorOfAgent(agent), record)
/**
 * Where a webhook points, for the audit trail: its origin only. Some receivers take their secret in
 * the path or query (a chat's incoming-webhook URL), and the trail can never forget what it holds.
 */
const urlOrigin = (url: string) => new URL(url).origin
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))

export async function getAppSettings(context: ServiceContext, agent: AgentCaller): Promise<AppSettings> {
  const app = await findApp(context.db, agent.appId)
  if (!app) throw new DomainError('not_found', 'This key’s app no longer exists.')
  return {
    id: app.id,
    name: app.name,
    allowedOrigins: app.allowedOrigins,
    slaPolicy: { ...defaultSlaPolicy, ...app.slaPolicy },
    businessHours: app.businessHours,
    identitySecret: await secretsOf(context).open(
      app.identitySecret ?? (await ensureIdentitySecret(context.db, app.id, await secretsOf(context).seal(`idsec_${randomToken(24)}`))),
    ),
    retentionDays: app.retentionDays,
  }
}

export async function patchAppSettings(context: ServiceContext, agent: AgentCaller, patch: AppSettingsPatch): Promise<AppSettings> {
  const current = await getAppSettings(context, agent)
  await updateApp(context.db, agent.appId, {
    name: patch.name,
    allowedOrigins: patch.allowedOrigins,
    slaPolicy: patch.slaPolicy ? { ...current.slaPolicy, ...patch.slaPolicy } : undefined,
    businessHours: patch.businessHours,
    retentionDays: patch.retentionDays,
  })
  await audited(context, agent, { action: 'app.updated', details: { changes: patch } })
  return getAppSettings(context, agent)
}

type KeyRow = Awaited<ReturnType<typeof listKeys>>[number]

function toKeyInfo(row: KeyRow): ApiKeyInfo {
  return { id: row.id, kind: row.kind, role: row.role, name: row.name, display: row.display, createdAt: iso(row.createdAt), revokedAt: isoOrNull(row.revokedAt) }
}

export async function listAppKeys(context: ServiceContext, agent: AgentCaller): Promise<ApiKeyInfo[]> {
  return (await listKeys(context.db, agent.appId)).map(toKeyInfo)
}

export async function createAppKey(context: ServiceContext, agent: AgentCaller, request: ApiKeyCreate): Promise<ApiKeyCreated> {
  const key = generateKey(request.kind)
  const now = context.now()
  const id = await insertKey(context.db, { appId: agent.appId, kind: request.kind, role: request.role, name: request.name, key }, now)
  const created = (await listKeys(context.db, agent.appId)).find((row) => row.id === id)
  if (!created) throw new Error(`key ${id} was not found right after it was written`)
  await audited(context, agent, { action: 'key.created', details: { keyId: id, kind: created.kind, role: created.role, name: created.name } })
  return { ...toKeyInfo(created), key }
}

export async function revokeAppKey(context: ServiceContext, agent: AgentCaller, id: string): Promise<ApiKeyInfo> {
  const key = await findKey(context.db, id)
  if (!key || key.appId !== agent.appId) throw new DomainError('not_found', `No key ${id} in this app. List them with GET /v1/admin/keys.`)
  if (key.revokedAt === null) await revokeKey(context.db, id, context.now())
  const row = (await listKeys(context.db, agent.appId)).find((candidate) => candidate.id === id)
  if (!row) throw new Error(`key ${id} vanished`)
  if (key.revokedAt === null) await audited(context, agent, { action: 'key.revoked', details: { keyId: id, kind: row.kind, role: row.role, name: row.name } })
  return toKeyInfo(row)
}

function toWebhook(row: WebhookRow): Webhook {
  return { id: row.id, url: row.url, events: row.events, createdAt: iso(row.createdAt), disabledAt: isoOrNull(row.disabledAt) }
}

const newWebhookSecret = () => `whsec_${randomToken(24)}`

/** The app's active webhooks, without their secrets: those are shown once, at creation or rotation. */
export async function listAppWebhooks(context: ServiceContext, agent: AgentCaller): Promise<Webhook[]> {
  return (await listWebhooks(context.db, agent.appId)).map(toWebhook)
}

export async function createAppWebhook(context: ServiceContext, agent: AgentCaller, request: WebhookCreate): Promise<WebhookCreated> {
  const secret = newWebhookSecret()
  const row: WebhookRow = {
    id: newId('whk', context.now()),
    appId: agent.appId,
    url: request.url,
    events: request.events ?? [],
    secret: await secretsOf(context).seal(secret),
    createdAt: context.now(),
    disabledAt: null,
  }
  await insertWebhook(context.db, row)
  await audited(context, agent, { action: 'webhook.created', details: { webhookId: row.id, origin: urlOrigin(row.url), events: row.events } })
  return { ...toWebhook(row), secret }
}

/** A new signing secret for a webhook, shown this once; every delivery from now on is signed with it. */
export async function rotateWebhookSecret(context: ServiceContext, agent: AgentCaller, id: string): Promise<WebhookCreated> {
  const webhook = await appWebhook(context, agent, id)
  const secret = newWebhookSecret()
  await setWebhookSecret(context.db, agent.appId, id, await secretsOf(context).seal(secret))
  await audited(context, agent, { action: 'webhook.secret_rotated', details: { webhookId: id, origin: urlOrigin(webhook.url) } })
  return { ...toWebhook(await appWebhook(context, agent, id)), secret }
}

async function appWebhook(context: ServiceContext, agent: AgentCaller, id: string): Promise<WebhookRow> {
  const row = await findWebhook(context.db, agent.appId, id)
  if (!row) throw new DomainError('not_found', `No webhook ${id} in this app. List them with GET /v1/admin/webhooks.`)
  return row
}

export async function disableAppWebhook(context: ServiceContext, agent: AgentCaller, id: string): Promise<Webhook> {
  const webhook = await appWebhook(context, agent, id)
  await disableWebhook(context.db, agent.appId, id, context.now())
  if (webhook.disabledAt === null) await audited(context, agent, { action: 'webhook.stopped', details: { webhookId: id, origin: urlOrigin(webhook.url) } })
  return toWebhook(await appWebhook(context, agent, id))
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: row.status === 'pending' ? isoOrNull(row.nextAttemptAt) : null,
    createdAt: iso(row.createdAt),
    deliveredAt: isoOrNull(row.deliveredAt),
  }
}

export async function listWebhookDeliveries(context: ServiceContext, agent: AgentCaller, id: string): Promise<WebhookDelivery[]> {
  await appWebhook(context, agent, id)
  return (await listDeliveries(context.db, id, 100)).map(toDelivery)
}

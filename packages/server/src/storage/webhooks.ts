import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm'
import { webhookDeliveries, webhooks } from '../db/schema.ts'
import type { Database } from '../db/database.ts'

export type WebhookRow = typeof webhooks.$inferSelect
export type DeliveryRow = typeof webhookDeliveries.$inferSelect

export async function insertWebhook(db: Database, webhook: WebhookRow): Promise<void> {
  await db.insert(webhooks).values(webhook)
}

/** An app's webhooks that are not stopped. */
export async function listWebhooks(db: Database, appId: string): Promise<WebhookRow[]> {
  return db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.appId, appId), isNull(webhooks.disabledAt)))
    .orderBy(asc(webhooks.createdAt))
}

/** Replaces a webhook's (sealed) signing secret. */
export async function setWebhookSecret(db: Database, appId: string, id: string, secret: string): Promise<void> {
  await db
    .update(webhooks)
    .set({ secret })
    .where(and(eq(webhooks.appId, appId), eq(webhooks.id, id)))
}

export async function findWebhook(db: Database, appId: string, id: string): Promise<WebhookRow | undefined> {
  const [row] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.appId, appId), eq(webhooks.id, id)))
    .limit(1)
  return row
}

export async function disableWebhook(db: Database, appId: string, id: string, now: number): Promise<void> {
  await db
    .update(webhooks)
    .set({ disabledAt: now })
    .where(and(eq(webhooks.appId, appId), eq(webhooks.id, id), isNull(webhooks.disabledAt)))
}

export async function listDeliveries(db: Database, webhookId: string, limit: number): Promise<DeliveryRow[]> {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(limit)
}

export interface DueDelivery extends DeliveryRow {
  url: string
  secret: string
}

/** Pending deliveries whose time has come, oldest first, with where and how to sign them. */
export async function dueDeliveries(db: Database, now: number, limit: number): Promise<DueDelivery[]> {
  return db
    .select({
      id: webhookDeliveries.id,
      webhookId: webhookDeliveries.webhookId,
      appId: webhookDeliveries.appId,
      eventType: webhookDeliveries.eventType,
      payload: webhookDeliveries.payload,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      url: webhooks.url,
      secret: webhooks.secret,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now), isNull(webhooks.disabledAt)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(limit)
}

/**
 * Takes a delivery for one attempt by pushing its next attempt past the attempt's timeout;
 * false when another dispatcher took it first, so one attempt is never sent twice at once.
 */
export async function claimDelivery(db: Database, delivery: DeliveryRow, leaseUntil: number): Promise<boolean> {
  const result = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: leaseUntil })
    .where(
      and(
        eq(webhookDeliveries.id, delivery.id),
        eq(webhookDeliveries.status, 'pending'),
        delivery.nextAttemptAt === null ? isNull(webhookDeliveries.nextAttemptAt) : eq(webhookDeliveries.nextAttemptAt, delivery.nextAttemptAt),
      ),
    )
    .returning({ id: webhookDeliveries.id })
  return result.length === 1
}

export async function recordAttempt(
  db: Database,
  id: string,
  outcome: { status: DeliveryRow['status']; statusCode: number | null; error: string | null; nextAttemptAt: number | null; deliveredAt: number | null },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      nextAttemptAt: outcome.nextAttemptAt,
      deliveredAt: outcome.deliveredAt,
    })
    .where(eq(webhookDeliveries.id, id))
}

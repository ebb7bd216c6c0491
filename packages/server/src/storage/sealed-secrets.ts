import { and, eq, isNotNull } from 'drizzle-orm'
import { apps, webhooks } from '../db/schema.ts'
import type { SecretBox } from '../security/sealing.ts'
import { isSealed } from '../security/sealing.ts'
import type { Database } from '../db/database.ts'

/**
 * At start: seals the webhook and identity secrets still stored in clear (written before sealing,
 * or before TRIAGE_SECRET was set), and opens every sealed one once, so a TRIAGE_SECRET that was
 * changed or removed stops the start with a clear message rather than failing each delivery later.
 *
 * @returns how many secrets it sealed
 */
export async function sealStoredSecrets(db: Database, box: SecretBox): Promise<number> {
  const stored = [
    ...(await db.select({ id: webhooks.id, secret: webhooks.secret }).from(webhooks)).map((row) => ({ table: 'webhook' as const, ...row })),
    ...(await db.select({ id: apps.id, secret: apps.identitySecret }).from(apps).where(isNotNull(apps.identitySecret))).map((row) => ({
      table: 'app' as const,
      id: row.id,
      secret: row.secret ?? '',
    })),
  ]
  let sealed = 0
  for (const { table, id, secret } of stored) {
    if (isSealed(secret)) {
      await box.open(secret)
      continue
    }
    if (!box.seals) continue
    const value = await box.seal(secret)
    // Only if still in clear: another process starting on the same database may have sealed it.
    if (table === 'webhook')
      await db
        .update(webhooks)
        .set({ secret: value })
        .where(and(eq(webhooks.id, id), eq(webhooks.secret, secret)))
    else
      await db
        .update(apps)
        .set({ identitySecret: value })
        .where(and(eq(apps.id, id), eq(apps.identitySecret, secret)))
    sealed++
  }
  return sealed
}

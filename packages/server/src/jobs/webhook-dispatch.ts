import { signWebhook } from '../security/webhook-signature.ts'
import type { DueDelivery } from '../storage/webhooks.ts'
import { claimDelivery, dueDeliveries, recordAttempt } from '../storage/webhooks.ts'
import type { ServiceContext } from '../domain/context.ts'
import { secretsOf } from '../domain/context.ts'
import type { TransportOptions, WebhookPost } from './webhook-transport.ts'
import { webhookTransport } from './webhook-transport.ts'

/** Waits after each failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h; then the delivery is marked failed. */
export const retryDelaysMs = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const

export interface DispatchOptions extends TransportOptions {
  /** How deliveries are sent; default: this runtime's transport (see webhook-transport.ts). */
  post?: WebhookPost
  /** Deliveries per run. */
  limit?: number
  timeoutMs?: number
}

export interface DispatchReport {
  delivered: number
  retrying: number
  failed: number
}

/**
 * Sends the webhook deliveries that are due, signed, and schedules retries with backoff. Safe to
 * run from several processes at once: each attempt is claimed before it is sent. Node runs it on
 * an interval; Workers after each write and from a Cron Trigger.
 */
export async function dispatchWebhooks(context: ServiceContext, options: DispatchOptions = {}): Promise<DispatchReport> {
  const send = options.post ?? webhookTransport(options)
  const timeoutMs = options.timeoutMs ?? 10_000
  const report: DispatchReport = { delivered: 0, retrying: 0, failed: 0 }
  const due = await dueDeliveries(context.db, context.now(), options.limit ?? 50)
  await Promise.all(
    due.map(async (delivery) => {
      if (!(await claimDelivery(context.db, delivery, context.now() + timeoutMs * 2))) return
      const outcome = await attempt(send, { ...delivery, secret: await secretsOf(context).open(delivery.secret) }, context.now(), timeoutMs)
      const now = context.now()
      if (outcome.ok) {
        report.delivered++
        await recordAttempt(context.db, delivery.id, { status: 'delivered', statusCode: outcome.statusCode, error: null, nextAttemptAt: null, deliveredAt: now })
        return
      }
      const delay = retryDelaysMs[delivery.attempts]
      if (delay === undefined) report.failed++
      else report.retrying++
      await recordAttempt(context.db, delivery.id, {
        status: delay === undefined ? 'failed' : 'pending',
        statusCode: outcome.statusCode,
        error: outcome.error,
        nextAttemptAt: delay === undefined ? null : now + delay,
        deliveredAt: null,
      })
    }),
  )
  return report
}

async function attempt(send: WebhookPost, delivery: DueDelivery, now: number, timeoutMs: number): Promise<{ ok: boolean; statusCode: number | null; error: string | null }> {
  try {
    const status = await send(delivery.url, {
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Triage-Webhooks/1',
        'triage-event': delivery.eventType,
        'triage-delivery': delivery.id,
        'triage-signature': await signWebhook(delivery.secret, delivery.payload, Math.floor(now / 1000)),
      },
      body: delivery.payload,
      timeoutMs,
    })
    // Redirects are not followed (a redirect could point anywhere): a 3xx is a failed attempt.
    return status >= 200 && status < 300 ? { ok: true, statusCode: status, error: null } : { ok: false, statusCode: status, error: `answered HTTP ${status}` }
  } catch (error) {
    return { ok: false, statusCode: null, error: error instanceof Error ? error.message : String(error) }
  }
}

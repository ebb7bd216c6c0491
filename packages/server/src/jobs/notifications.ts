import { newId } from '../ids.ts'
import { notificationFor } from './email/messages.ts'
import type { Notifier } from './email/notifier.ts'
import { acquireLease, releaseLease } from '../storage/leases.ts'
import { latestEventSeq, notifiableEventsAfter } from '../storage/notifications.ts'
import { getOrCreateSetting, readSetting, setSetting } from '../storage/settings.ts'
import type { ServiceContext } from '../domain/context.ts'

/**
 * Notifications start when they are first turned on: reporters of the past are not mailed in
 * bulk. Call at start-up, before any request, so nothing written after it is skipped.
 */
export async function startNotificationCursor(context: ServiceContext): Promise<string> {
  const latest = await latestEventSeq(context.db)
  return getOrCreateSetting(context.db, 'notify_cursor', () => String(latest))
}

export interface NotifyReport {
  ran: boolean
  sent: number
  failed: number
}

/**
 * Tells reporters by e-mail about agents' public replies and resolutions, in their language.
 * Reads the event log after a stored cursor (the log is the outbox), sends in order, and moves the
 * cursor past each event handled; a failed send stops the run so the event is retried next time
 * (at least once; a lease keeps two processes from sending the same event together).
 */
export async function notifyReporters(context: ServiceContext, notifier: Notifier, options: { limit?: number } = {}): Promise<NotifyReport> {
  const report: NotifyReport = { ran: false, sent: 0, failed: 0 }
  const holder = newId('notify')
  if (!(await acquireLease(context.db, 'notify_lease', holder, context.now(), 60_000))) return report
  report.ran = true
  try {
    // Set at start-up (node-server); a runtime that did not start it starts it on its first run.
    const stored = await readSetting(context.db, 'notify_cursor')
    let cursor = Number(stored ?? (await startNotificationCursor(context)))
    for (const event of await notifiableEventsAfter(context.db, cursor, options.limit ?? 100)) {
      const notification = notificationFor(event)
      if (notification) {
        try {
          await notifier.send(notification)
          report.sent++
        } catch (error) {
          report.failed++
          console.error(`notifying ${event.contactEmail} failed, will retry:`, error)
          break
        }
      }
      cursor = event.seq
      await setSetting(context.db, 'notify_cursor', String(cursor))
    }
  } finally {
    await releaseLease(context.db, 'notify_lease', holder)
  }
  return report
}

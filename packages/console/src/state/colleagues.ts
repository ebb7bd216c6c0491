import { computed, signal } from '@preact/signals'
import type { Colleague } from '@triage/protocol'
import { agents } from '../api/api.ts'

/** The app's active agents (`GET /v1/agents`): to assign tickets and to show assignees by name. */
export const colleagues = signal<Colleague[]>([])
const byId = computed(() => new Map(colleagues.value.map((colleague) => [colleague.id, colleague.name])))

/** Reads the colleagues; a failure leaves the list as it was (assignees then show as they are stored). */
export async function loadColleagues(): Promise<void> {
  try {
    colleagues.value = (await agents.colleagues()).items
  } catch {
    // Names are a nicety here; every action still works with ids.
  }
}

/** An assignee in words: the colleague's name for an agent id, else what is stored (a key's or integration's name). */
export const assigneeName = (assignee: string) => byId.value.get(assignee) ?? assignee

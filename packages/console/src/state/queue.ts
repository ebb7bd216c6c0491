import { batch, computed, effect, signal } from '@preact/signals'
import type { IncidentCounts, IncidentSummary } from '@triage/protocol'
import { incidents } from '../api/api.ts'
import type { LiveEvent } from './live.ts'
import { filtersFrom, listQueryOf } from './queue-filters.ts'
import { searchParams } from './router.ts'

/** The queue's filters, read from the URL. */
export const filters = computed(() => filtersFrom(searchParams.value))

/** The tickets shown, in the API's order (one or more pages). */
export const items = signal<IncidentSummary[]>([])
export const nextCursor = signal<string | null>(null)
export const loading = signal(false)
/** The last failure to load, in words; null when the list is current. */
export const loadError = signal<unknown>(null)
/** Tickets per view, for the caller: beside every screen, kept current by the live events. */
export const counts = signal<Partial<IncidentCounts>>({})

let countsTimer: ReturnType<typeof setTimeout> | undefined
/** Reads the counts again, once for a burst of changes; a failure leaves the old ones. */
export function refreshCounts(delayMs = 300): void {
  clearTimeout(countsTimer)
  countsTimer = setTimeout(
    () =>
      void incidents.counts().then(
        (next) => void (counts.value = next),
        () => undefined,
      ),
    delayMs,
  )
}

/** The counts follow every change the stream reports, whatever the screen. */
export function onCountsEvent(event: LiveEvent): void {
  if (event.type === 'incident' || event.type === 'incident_removed' || event.type === 'reconnected') refreshCounts()
}

/** The ticket j/k point at, by id: rows may move as the queue updates live, the pointer does not. */
export const currentId = signal<string | null>(null)
export const currentIndex = computed(() =>
  Math.max(
    0,
    items.value.findIndex((item) => item.id === currentId.value),
  ),
)
/** Tickets ticked for a bulk action. */
export const checked = signal<ReadonlySet<string>>(new Set())

const pageSize = 50
let controller: AbortController | undefined
/** The last read's filters and start: a screen that mounts right after it need not read again. */
let started = { key: '', at: 0 }

/**
 * Reads the first page for the current filters (and the counts). `keepLength`: a live refresh
 * reads as many rows as are shown, so a list the agent scrolled does not shrink under them.
 */
export async function loadQueue({ keepLength = false } = {}): Promise<void> {
  controller?.abort()
  const mine = (controller = new AbortController())
  started = { key: JSON.stringify(filters.value), at: Date.now() }
  loading.value = true
  const limit = keepLength ? Math.min(200, Math.max(pageSize, items.value.length)) : pageSize
  try {
    refreshCounts(0)
    const list = await incidents.list({ ...listQueryOf(filters.value), limit }, mine.signal)
    if (mine !== controller) return
    batch(() => {
      items.value = list.items
      nextCursor.value = list.nextCursor
      loadError.value = null
      if (!list.items.some((item) => item.id === currentId.value)) currentId.value = list.items[0]?.id ?? null
      const shown = new Set(list.items.map((item) => item.id))
      if ([...checked.value].some((id) => !shown.has(id))) checked.value = new Set([...checked.value].filter((id) => shown.has(id)))
    })
  } catch (error) {
    if (mine === controller && !(error instanceof DOMException && error.name === 'AbortError')) loadError.value = error
  } finally {
    if (mine === controller) loading.value = false
  }
}

/** The next page, after the rows shown. */
export async function loadMore(): Promise<void> {
  const cursor = nextCursor.value
  if (!cursor || loading.value) return
  loading.value = true
  try {
    const list = await incidents.list({ ...listQueryOf(filters.value), cursor, limit: pageSize })
    const known = new Set(items.value.map((item) => item.id))
    batch(() => {
      items.value = [...items.value, ...list.items.filter((item) => !known.has(item.id))]
      nextCursor.value = list.nextCursor
    })
  } catch (error) {
    loadError.value = error
  } finally {
    loading.value = false
  }
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined
/**
 * Something changed on the server (a live event): read the queue again, once for a burst of
 * changes. Tickets enter, leave and move in place; the pointer stays on its ticket.
 */
export function refreshSoon(delayMs = 250): void {
  clearTimeout(refreshTimer)
  refreshTimer = setTimeout(() => void loadQueue({ keepLength: true }), delayMs)
}

/**
 * A live event for the queue: a changed ticket changes in place at once; then the list and the
 * counts are read again (a ticket may have entered or left the view).
 */
export function onQueueEvent(event: LiveEvent): void {
  if (event.type === 'incident') {
    const changed = event.data as unknown as IncidentSummary
    if (items.value.some((item) => item.id === changed.id)) items.value = items.value.map((item) => (item.id === changed.id ? changed : item))
  } else if (event.type === 'incident_removed') {
    items.value = items.value.filter((item) => item.id !== event.data['id'])
  } else if (event.type !== 'reconnected') return
  refreshSoon()
}

/** Moves the pointer by `step` rows (j/k), within the list. */
export function moveCurrent(step: number): IncidentSummary | undefined {
  const list = items.value
  if (list.length === 0) return undefined
  const next = list[Math.min(list.length - 1, Math.max(0, currentIndex.value + step))]
  currentId.value = next?.id ?? null
  return next
}

export function toggleChecked(id: string): void {
  const next = new Set(checked.value)
  if (!next.delete(id)) next.add(id)
  checked.value = next
}

/** Reads the queue whenever its filters change (the first time too), while `active` says so. */
export function followFilters(active: () => boolean): () => void {
  let last = ''
  return effect(() => {
    const key = JSON.stringify(filters.value)
    if (!active() || key === last) return
    const first = last === ''
    last = key
    checked.value = new Set()
    // Opening the console read this very list already, alongside the session (see main.tsx).
    if (first && started.key === key && Date.now() - started.at < 2_000) return
    void loadQueue()
  })
}

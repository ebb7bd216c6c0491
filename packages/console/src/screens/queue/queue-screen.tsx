import { h } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { liveConnected, onLive } from '../../state/live.ts'
import { currentId, filters, followFilters, items, loadError, loading, loadMore, moveCurrent, nextCursor, onQueueEvent, refreshSoon, toggleChecked } from '../../state/queue.ts'
import { navigate, ticketPath } from '../../state/router.ts'
import { ErrorLine } from '../../ui/error-line.tsx'
import { useShortcuts } from '../../ui/keyboard.ts'
import { BulkBar } from './bulk-bar.tsx'
import { QueueFiltersBar } from './queue-filters-bar.tsx'
import { QueueTable } from './queue-table.tsx'

/** How often the queue reads itself again while the live stream is down. */
const offlinePollMs = 30_000

/** Brings the pointed row into view and gives its link the focus, so a screen reader reads it. */
function focusCurrent(): void {
  const row = document.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(currentId.value ?? '')}"]`)
  row?.querySelector<HTMLElement>('.row-link')?.focus()
}

/** Opens the pointed ticket; `then` says what to do there first (reply, note, escalate…). */
export function openCurrent(then?: string): void {
  const id = currentId.value
  if (id) navigate(`${ticketPath(id)}${then ? `#${then}` : ''}`)
}

/** The queue: a view, its filters, the tickets, live. Keyboard first (see the shortcuts). */
export function QueueScreen() {
  const strings = t.value
  const searchRef = useRef<HTMLInputElement>(null)
  useEffect(() => followFilters(() => true), [])
  useEffect(() => onLive(onQueueEvent), [])
  // Without the stream (a proxy that cuts it, a reconnection under way) the queue still moves.
  useEffect(() => {
    const timer = setInterval(() => liveConnected.value || refreshSoon(0), offlinePollMs)
    return () => clearInterval(timer)
  }, [])
  useShortcuts({
    j: () => (moveCurrent(1), focusCurrent()),
    k: () => (moveCurrent(-1), focusCurrent()),
    Enter: () => openCurrent(),
    r: () => openCurrent('reply'),
    n: () => openCurrent('note'),
    e: () => openCurrent('escalate'),
    s: () => openCurrent('resolve'),
    x: () => currentId.value && toggleChecked(currentId.value),
    '/': () => searchRef.current?.focus(),
  })
  const view = filters.value.view
  return (
    <section class="queue-screen" aria-labelledby="queue-title">
      <h1 id="queue-title">{strings.view[view]}</h1>
      <QueueFiltersBar searchRef={searchRef} />
      <BulkBar />
      {loadError.value ? (
        <div class="page-message">
          <ErrorLine error={loadError.value} />
        </div>
      ) : null}
      <QueueTable />
      {items.value.length === 0 && !loading.value && !loadError.value ? <p class="empty">{strings.noTickets}</p> : null}
      {nextCursor.value ? (
        <button type="button" class="load-more" disabled={loading.value} onClick={() => void loadMore()}>
          {strings.loadMore}
        </button>
      ) : null}
      <p class="visually-hidden" role="status">
        {loading.value ? strings.loading : ''}
      </p>
    </section>
  )
}

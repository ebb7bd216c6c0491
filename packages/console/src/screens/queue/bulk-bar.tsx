import { signal } from '@preact/signals'
import type { BulkAction } from '@triage/protocol'
import { Fragment, h } from 'preact'
import { incidents } from '../../api/api.ts'
import { fill, t } from '../../i18n/index.ts'
import { colleagues } from '../../state/colleagues.ts'
import { checked, loadQueue } from '../../state/queue.ts'
import { agent } from '../../state/session.ts'
import { ErrorLine } from '../../ui/error-line.tsx'

const busy = signal(false)
const outcome = signal('')
const failure = signal<unknown>(null)
/** Whom "Assign" gives the ticked tickets to: the signed-in agent unless another is chosen. */
const assignee = signal('')

/** Assigns or closes every ticked ticket at once, and says how many went through and how many were refused. */
export function BulkBar() {
  const strings = t.value
  const ids = [...checked.value]
  if (ids.length === 0 && !outcome.value && !failure.value) return null
  const me = agent.value
  const run = async (action: BulkAction) => {
    busy.value = true
    failure.value = null
    try {
      const { items } = await incidents.bulk(action)
      const done = items.filter((item) => item.ok).length
      const refused = items.flatMap((item) => (item.ok ? [] : [item.problem.detail]))
      outcome.value = [fill(strings.bulkDone, { done, failed: refused.length }), ...new Set(refused)].join(' ')
      checked.value = new Set()
      await loadQueue({ keepLength: true })
    } catch (error) {
      failure.value = error
    } finally {
      busy.value = false
    }
  }
  const to = assignee.value || me?.id || ''
  return (
    <div class="bulk" role="region" aria-label={strings.bulkActions}>
      {ids.length > 0 ? (
        <>
          <span class="bulk-count">{fill(strings.selected, { count: ids.length })}</span>
          <label class="compact">
            <span>{strings.assignTo}</span>
            <select value={to} onChange={(event) => (assignee.value = event.currentTarget.value)} data-testid="bulk-assignee">
              {me ? <option value={me.id}>{fill(strings.me, { name: me.name })}</option> : null}
              {colleagues.value
                .filter((colleague) => colleague.id !== me?.id)
                .map((colleague) => (
                  <option value={colleague.id} key={colleague.id}>
                    {colleague.name}
                  </option>
                ))}
            </select>
          </label>
          <button type="button" disabled={busy.value || !to} onClick={() => void run({ action: 'assign', ids, assignee: to })} data-testid="bulk-assign">
            {strings.assign}
          </button>
          <button type="button" disabled={busy.value} onClick={() => void run({ action: 'close', ids })} data-testid="bulk-close">
            {strings.closeSelected}
          </button>
          <button type="button" class="quiet" onClick={() => (checked.value = new Set())}>
            {strings.clearSelection}
          </button>
        </>
      ) : null}
      <span role="status" class="bulk-outcome" data-testid="bulk-outcome">
        {outcome.value}
      </span>
      {failure.value ? <ErrorLine error={failure.value} /> : null}
    </div>
  )
}

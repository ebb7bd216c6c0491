import { priorities, tiers } from '@triage/protocol'
import { h } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { categoryIds, categoryName, t } from '../../i18n/index.ts'
import { filters } from '../../state/queue.ts'
import type { QueueFilters } from '../../state/queue-filters.ts'
import { searchOf, sorts } from '../../state/queue-filters.ts'
import { base, navigate } from '../../state/router.ts'

/** Changes one filter: a new URL (replacing the entry while typing a search). */
export function setFilter(change: Partial<QueueFilters>, replace = false): void {
  navigate(`${base}${searchOf({ ...filters.value, ...change })}`, { replace })
}

/** Search, the API's filters and the sort, above the list. `/` focuses the search. */
export function QueueFiltersBar({ searchRef }: { searchRef: { current: HTMLInputElement | null } }) {
  const strings = t.value
  const current = filters.value
  // The search box holds its text while typing; the URL (and the list) follow after a pause.
  const [text, setText] = useState(current.q)
  const typing = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => setText(current.q), [current.q])
  const onSearch = (value: string) => {
    setText(value)
    clearTimeout(typing.current)
    typing.current = setTimeout(() => setFilter({ q: value }, true), 300)
  }
  return (
    <form class="filters" role="search" aria-label={strings.filters} onSubmit={(event) => (event.preventDefault(), clearTimeout(typing.current), setFilter({ q: text }))}>
      <label class="search">
        <span>{strings.search}</span>
        <input
          ref={searchRef}
          type="search"
          value={text}
          placeholder={strings.searchPlaceholder}
          maxLength={200}
          onInput={(event) => onSearch(event.currentTarget.value)}
          data-testid="search"
        />
      </label>
      <label>
        <span>{strings.column.priority}</span>
        <select value={current.priority} onChange={(event) => setFilter({ priority: event.currentTarget.value as QueueFilters['priority'] })}>
          <option value="">{strings.anyPriority}</option>
          {priorities.map((priority) => (
            <option value={priority} key={priority}>
              {strings.priority[priority]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{strings.category}</span>
        <select value={current.category} onChange={(event) => setFilter({ category: event.currentTarget.value })}>
          <option value="">{strings.anyCategory}</option>
          {categoryIds.map((id) => (
            <option value={id} key={id}>
              {categoryName(id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{strings.tier}</span>
        <select value={current.tier} onChange={(event) => setFilter({ tier: event.currentTarget.value as QueueFilters['tier'] })}>
          <option value="">{strings.anyTier}</option>
          {tiers.map((tier) => (
            <option value={tier} key={tier}>
              {tier}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{strings.sort}</span>
        <select value={current.sort} onChange={(event) => setFilter({ sort: event.currentTarget.value as QueueFilters['sort'] })}>
          {sorts.map((sort) => (
            <option value={sort} key={sort}>
              {strings.sortBy[sort]}
            </option>
          ))}
        </select>
      </label>
    </form>
  )
}

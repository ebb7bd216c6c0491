import { h } from 'preact'
import { fill, t } from '../../i18n/index.ts'
import { counts, filters } from '../../state/queue.ts'
import { consoleViews, viewSearch } from '../../state/queue-filters.ts'
import { base, route } from '../../state/router.ts'
import { ConsoleLink } from '../../ui/shell.tsx'

/** The queue's views with how many tickets each holds, live. */
export function ViewsNav() {
  const strings = t.value
  const active = route.value.screen === 'queue' ? filters.value.view : null
  return (
    <nav class="sidebar" aria-label={strings.views}>
      <ul class="views">
        {consoleViews.map((view) => {
          const count = view === 'all' ? undefined : counts.value[view]
          return (
            <li key={view}>
              <ConsoleLink href={`${base}${viewSearch(view)}`} aria-current={view === active ? 'page' : undefined} class={`view view-${view}`}>
                <span class="view-name">{strings.view[view]}</span>
                {count === undefined ? null : (
                  <span class="count" data-testid={`count-${view}`}>
                    <span aria-hidden="true">{count}</span>
                    <span class="visually-hidden">{fill(strings.viewCount, { count })}</span>
                  </span>
                )}
              </ConsoleLink>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

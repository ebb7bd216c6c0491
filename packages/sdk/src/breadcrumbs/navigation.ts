import type { AddBreadcrumb } from './types.ts'
import { wrap } from './wrap.ts'

/** Records navigations inside the page: `history.pushState`/`replaceState` and back/forward (`popstate`). */
export function captureNavigation(add: AddBreadcrumb): () => void {
  let from = location.href
  const record = () => {
    const to = location.href
    if (to !== from) add({ type: 'navigation', message: to, data: { from, to } })
    from = to
  }
  const spy = (result: unknown) => {
    record()
    return result
  }
  const undo = [wrap(history, 'pushState', spy), wrap(history, 'replaceState', spy)]
  addEventListener('popstate', record)
  return () => {
    for (const restore of undo) restore()
    removeEventListener('popstate', record)
  }
}

import { signal } from '@preact/signals'
import type { ComponentType } from 'preact'
import { h } from 'preact'
import { t } from '../i18n/index.ts'
import { ErrorLine } from './error-line.tsx'

/**
 * A screen in a chunk of its own, fetched the first time it is shown (or earlier, by `preload`,
 * when the browser is idle), so the first screen stays small.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload(): Promise<void> } {
  const loaded = signal<ComponentType<P> | null>(null)
  const failed = signal<unknown>(null)
  let loading: Promise<void> | undefined
  const preload = () =>
    (loading ??= load().then(
      (component) => void ((loaded.value = component), (failed.value = null)),
      (error: unknown) => void ((failed.value = error), (loading = undefined)),
    ))
  function Lazy(props: P) {
    const Component = loaded.value
    if (Component) return h(Component, props)
    void preload()
    if (failed.value) {
      return (
        <div class="page-message">
          <ErrorLine error={failed.value} />
          <button type="button" onClick={() => void preload()}>
            {t.value.retry}
          </button>
        </div>
      )
    }
    return (
      <p class="page-message" role="status">
        {t.value.loading}
      </p>
    )
  }
  return Object.assign(Lazy, { preload })
}

import { h } from 'preact'
import { ApiError, OfflineError } from '../api/transport.ts'
import { t } from '../i18n/index.ts'

/** What went wrong, in words: the API's own detail (it says what to do), or that we are offline. */
export function errorText(error: unknown): string {
  if (error instanceof OfflineError) return t.value.offline
  if (error instanceof ApiError) return `${t.value.failed} ${error.message}`
  return `${t.value.failed} ${error instanceof Error ? error.message : String(error)}`
}

/** An error, announced to screen readers as it appears. */
export function ErrorLine({ error }: { error: unknown }) {
  return (
    <p class="error" role="alert">
      {error ? errorText(error) : ''}
    </p>
  )
}

import type { AddBreadcrumb } from './types.ts'

const stackOf = (error: unknown) => (error instanceof Error && error.stack ? error.stack.slice(0, 1_000) : null)

/** Records uncaught errors and unhandled promise rejections, with their stack. The page's own handlers still run. */
export function captureErrors(add: AddBreadcrumb): () => void {
  const onError = (event: ErrorEvent) => {
    // Resource load errors (an <img> 404) reach window only in the capture phase: not here.
    add({
      type: 'error',
      level: 'error',
      message: event.message || String(event.error),
      data: { stack: stackOf(event.error), source: event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : null },
    })
  }
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason
    add({ type: 'error', level: 'error', message: `Unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`, data: { stack: stackOf(reason) } })
  }
  addEventListener('error', onError)
  addEventListener('unhandledrejection', onRejection)
  return () => {
    removeEventListener('error', onError)
    removeEventListener('unhandledrejection', onRejection)
  }
}

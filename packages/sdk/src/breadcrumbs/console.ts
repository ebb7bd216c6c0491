import type { AddBreadcrumb } from './types.ts'
import { wrap } from './wrap.ts'

/** One console argument as text: errors by name and message, objects as (short) JSON. */
export function formatArgument(value: unknown): string {
  if (typeof value === 'string') return value
  if (value instanceof Error) return `${value.name}: ${value.message}`
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Records `console.error` and `console.warn` calls; the console still prints them. */
export function captureConsole(add: AddBreadcrumb): () => void {
  const undo = (['error', 'warn'] as const).map((method) =>
    wrap(console, method, (result, args) => {
      add({ type: 'console', level: method === 'warn' ? 'warning' : 'error', message: args.map(formatArgument).join(' ') })
      return result
    }),
  )
  return () => {
    for (const restore of undo) restore()
  }
}

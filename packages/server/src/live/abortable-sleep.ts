/**
 * Waits `ms`, or less when `signal` aborts (a client went away): whichever comes first ends the
 * wait and unhooks the other, so a long stream adds no listener per poll.
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
  })
}

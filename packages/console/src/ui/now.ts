import { signal } from '@preact/signals'

/**
 * The time, ticking each second while the page is visible: countdowns read it, so they move
 * together and re-render only what shows a time.
 */
export const now = signal(Date.now())

let timer: ReturnType<typeof setInterval> | undefined
export function startClock(): void {
  const tick = () => (now.value = Date.now())
  const run = () => {
    clearInterval(timer)
    if (document.visibilityState === 'hidden') return
    tick()
    timer = setInterval(tick, 1_000)
  }
  document.addEventListener('visibilitychange', run)
  run()
}

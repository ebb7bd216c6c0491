/**
 * Counts the event loop's turns while `work` runs; `work` may read the count so far (to see on
 * which turn each of its steps happened). The test server runs in the test's process, and libSQL's
 * file binding is synchronous: a long job that never yields runs in one turn and holds every other
 * request behind it, so a job that yields between its steps shows one turn per step.
 * @example
 * const { result, turns } = await turnsDuring(() => sweepSla(server.services))
 */
export async function turnsDuring<T>(work: (turnsSoFar: () => number) => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0
  let counting = true
  const tick = () => {
    turns++
    if (counting) setImmediate(tick)
  }
  setImmediate(tick)
  try {
    return { result: await work(() => turns), turns }
  } finally {
    counting = false
  }
}

/**
 * Counts the event loop's turns while `work` runs. The test server runs in the test's process, and
 * libSQL's file binding is synchronous: a long job that never yields runs in one turn and holds
 * every other request behind it, so a job that yields between its steps shows one turn per step.
 */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0
  let counting = true
  const tick = () => {
    turns++
    if (counting) setImmediate(tick)
  }
  setImmediate(tick)
  try {
    return { result: await work(), turns }
  } finally {
    counting = false
  }
}

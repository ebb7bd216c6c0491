/**
 * Retries `check` until it returns something truthy, and answers it: renders, effects and fetches
 * settle a few ticks later. Fails after `timeoutMs` with the check's source, so the failure says
 * what never became true. To prove that something did *not* happen, use fake timers instead.
 * @example
 * const dialog = await waitFor(() => shadow.querySelector('[role="dialog"]'))
 */
export async function waitFor<T>(check: () => T | null | undefined | false, timeoutMs = 2_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error(`waitFor timed out: ${check.toString()}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

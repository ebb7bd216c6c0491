/**
 * Counts the problems a resolved incident's note solved in this browser (no ticket was needed),
 * in `localStorage` under `triage:deflections:<key>`. Storage may throw (private modes, sandboxed
 * iframes): the count is then 1 each time, and the widget works on.
 * @returns the count, this one included
 */
export function countDeflection(key: string): number {
  const name = `triage:deflections:${key}`
  try {
    const count = (Number(localStorage.getItem(name)) || 0) + 1
    localStorage.setItem(name, String(count))
    return count
  } catch {
    return 1
  }
}

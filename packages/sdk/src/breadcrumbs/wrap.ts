type Method = (this: unknown, ...args: unknown[]) => unknown

/**
 * Wraps the method `name` of `target`: the original is called through with the same `this` and
 * arguments, then `spy` sees the result and answers what the caller gets (the result itself, or
 * a promise chained on it). A throwing spy never reaches the host: the result goes back as is.
 * Answers the undo: it puts the original back, unless another script wrapped the method since,
 * in which case ours stays in the chain but only calls through.
 */
export function wrap<T extends object>(target: T, name: keyof T, spy: (result: unknown, args: unknown[], self: unknown) => unknown): () => void {
  const original = target[name] as unknown
  if (typeof original !== 'function') return () => {}
  let active = true
  const wrapper: Method = function (this: unknown, ...args) {
    const result: unknown = (original as Method).apply(this, args)
    if (!active) return result
    try {
      return spy(result, args, this)
    } catch {
      return result
    }
  }
  target[name] = wrapper as T[keyof T]
  return () => {
    active = false
    if (target[name] === wrapper) target[name] = original as T[keyof T]
  }
}

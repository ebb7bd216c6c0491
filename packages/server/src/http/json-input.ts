import { limits } from '@triage/protocol'

/** A parsed JSON body made safe to handle, or where it nests too deep. */
export type JsonInput = { ok: true; value: unknown; changed: boolean } | { ok: false; path: string }

class TooDeep extends Error {
  readonly path: string
  constructor(path: string) {
    super(path)
    this.path = path
  }
}

/**
 * Checks a parsed JSON body before anything else reads it:
 * - its nesting is bounded (the body object is level 1), so no later recursion — hashing, storage,
 *   the engine — can overflow the stack on a hostile body;
 * - every string and key is well-formed Unicode: a lone surrogate (`"\ud800"`, legal JSON) becomes
 *   U+FFFD, as a UTF-8 decoder does for broken bytes. SQLite's JSON functions would otherwise
 *   store it as bytes that are not UTF-8, which libSQL cannot read back (issue #12).
 *
 * Nothing is copied unless a string changes, which is rare.
 *
 * @example
 * wellFormedInput(JSON.parse('{"a":"x\\ud800"}')) // { ok: true, value: { a: 'x\ufffd' }, changed: true }
 */
export function wellFormedInput(value: unknown, maxDepth: number = limits.jsonDepth): JsonInput {
  let changed = false
  // One path for the whole walk (pushed and popped), built into text only when it is too deep.
  const path: string[] = []
  const inside = (key: string, item: unknown, depth: number): unknown => {
    path.push(key)
    const next = visit(item, depth)
    path.pop()
    return next
  }
  const visit = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') {
      if (node.isWellFormed()) return node
      changed = true
      return node.toWellFormed()
    }
    if (node === null || typeof node !== 'object') return node
    if (depth > maxDepth) throw new TooDeep(path.join('.') || '(body)')
    if (Array.isArray(node)) {
      let copy: unknown[] | undefined
      node.forEach((item, index) => {
        const next = inside(String(index), item, depth + 1)
        if (next !== item) (copy ??= [...node])[index] = next
      })
      return copy ?? node
    }
    const entries = Object.entries(node)
    let rebuilt = false
    const next = entries.map(([key, item]): [string, unknown] => {
      const cleanKey = key.isWellFormed() ? key : key.toWellFormed()
      const cleanItem = inside(cleanKey, item, depth + 1)
      if (cleanKey !== key || cleanItem !== item) rebuilt = true
      return [cleanKey, cleanItem]
    })
    if (!rebuilt) return node
    changed = true
    return Object.fromEntries(next)
  }
  try {
    const clean = visit(value, 1)
    return { ok: true, value: clean, changed }
  } catch (error) {
    if (error instanceof TooDeep) return { ok: false, path: error.path }
    throw error
  }
}

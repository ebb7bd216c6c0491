/**
 * The literal openings (up to `length` characters) a regular-expression source can match, so a
 * text is only searched with the patterns one of its words can start. `undefined` when an
 * opening cannot be told (a character class or a wildcard first): such a pattern is always tried.
 * It understands what outage patterns use: literals, `(?:a|b)` groups, `?` `*` `+` quantifiers,
 * lookarounds (zero-width, skipped) and escapes.
 *
 * @example
 * patternPrefixes('log(?:s|ged)? (?:me )?out', 3) // ['log']
 * patternPrefixes('(?:me|se) connect\\w*', 3)     // ['me ', 'se ']
 * patternPrefixes('\\w+ing', 3)                   // undefined
 */
export function patternPrefixes(source: string, length: number): string[] | undefined {
  const out = new Set<string>()
  if (!walk(source, 0, '', length, out)) return undefined
  return [...out]
}

/** Adds the openings of `source` from `index` on, after `acc`; false when one cannot be told. */
function walk(source: string, index: number, acc: string, length: number, out: Set<string>): boolean {
  let i = index
  let text = acc
  while (text.length < length) {
    if (i >= source.length) break
    const char = source[i] as string
    if (char === '(') {
      const close = closingParen(source, i)
      if (close < 0) return false
      const head = source.slice(i, i + 4)
      // Lookarounds match no character: the opening goes on after them.
      if (head.startsWith('(?=') || head.startsWith('(?!') || head.startsWith('(?<=') || head.startsWith('(?<!')) {
        i = close + 1
        continue
      }
      const inner = source.slice(source.startsWith('(?:', i) ? i + 3 : i + 1, close)
      const quantifier = source[close + 1]
      const rest = source.slice(close + 1 + (quantifier === '?' || quantifier === '*' || quantifier === '+' ? 1 : 0))
      if (quantifier === '?' || quantifier === '*') {
        // The group may be skipped: what follows it opens the match too.
        if (!walk(rest, 0, text, length, out)) return false
      }
      // A repeated group may be followed by itself: only its own opening is certain.
      const after = quantifier === '+' || quantifier === '*' ? '' : rest
      for (const alternative of alternatives(inner)) if (!walk(alternative + after, 0, text, length, out)) return false
      return true
    }
    if (char === '\\') {
      const escaped = source[i + 1]
      if (escaped === undefined || /[wdsWDSbB]/.test(escaped)) break
      i += 2
      if (isQuantifier(source[i])) break
      text += escaped
      continue
    }
    if (!/[a-z0-9 ]/.test(char)) break
    if (isQuantifier(source[i + 1])) {
      // An optional character ends what is certain; a required one (`+`) is still certain once.
      if (source[i + 1] === '+') text += char
      break
    }
    text += char
    i++
  }
  if (text.length === 0) return false
  out.add(text)
  return true
}

function isQuantifier(char: string | undefined): boolean {
  return char === '?' || char === '*' || char === '+' || char === '{'
}

function closingParen(source: string, open: number): number {
  let depth = 0
  for (let i = open; i < source.length; i++) {
    const char = source[i]
    if (char === '\\') i++
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return i
  }
  return -1
}

/** The top-level alternatives of a group's inside: "a|(?:b|c)d" → ["a", "(?:b|c)d"]. */
function alternatives(inner: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i]
    if (char === '\\') i++
    else if (char === '(') depth++
    else if (char === ')') depth--
    else if (char === '|' && depth === 0) {
      out.push(inner.slice(start, i))
      start = i + 1
    }
  }
  out.push(inner.slice(start))
  return out
}

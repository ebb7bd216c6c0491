/**
 * JSON text for SQLite, with every lone surrogate as U+FFFD.
 *
 * Why: `JSON.stringify` writes a lone surrogate as the escape `\ud800` (legal JSON), and SQLite's
 * JSON functions (`->>`, `json_each`), which the batched writes unpack their rows with, turn that
 * escape into bytes that are not UTF-8. libSQL aborts the whole process when it reads them back
 * (issue #12). Bound string parameters are safe: the driver encodes them with U+FFFD already.
 *
 * `JSON.stringify` escapes nothing else in that range (a surrogate pair is written as it is), so
 * finding the escapes in its output is exact, and costs one scan of text that is usually clean.
 *
 * @example
 * jsonText({ a: 'x\ud800' }) // '{"a":"x\\ufffd"}'
 */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value)
  if (!/\\ud[89a-f]/.test(json)) return json
  // Escapes are read left to right, so an escaped backslash before "ud800" is never taken for one.
  return json.replace(/\\(?:u(d[89a-f][0-9a-f]{2})|.)/g, (escaped, surrogate: string | undefined) => (surrogate === undefined ? escaped : '\\ufffd'))
}

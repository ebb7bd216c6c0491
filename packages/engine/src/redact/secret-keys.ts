import type { RedactionKind } from './types.ts'

// Parts of key names (lower case, without `-`, `_` or spaces) whose whole value is a credential.
const keyParts: readonly [RedactionKind, readonly string[]][] = [
  ['password', ['password', 'passwd', 'passphrase', 'motdepasse']],
  ['api_key', ['apikey', 'accesskey']],
  ['token', ['token', 'authorization', 'cookie', 'session', 'csrf', 'xsrf']],
  ['secret', ['secret', 'credential', 'privatekey', 'signature']],
]
// Short names that would match too much as parts ("pwd" in "cmdpwdx").
const exactKeys: ReadonlyMap<string, RedactionKind> = new Map([
  ['pwd', 'password'],
  ['pass', 'password'],
  ['mdp', 'password'],
])

const normalize = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '')

/**
 * The kind of secret a key name holds (`password`, `X-Api-Key`, `Set-Cookie`, `client_secret`…),
 * or `undefined` for an ordinary key. `extra` names, compared the same way, count as secrets.
 */
export function secretKeyKind(key: string, extra: readonly string[] = []): RedactionKind | undefined {
  const name = normalize(key)
  const exact = exactKeys.get(name)
  if (exact) return exact
  for (const [kind, parts] of keyParts) if (parts.some((part) => name.includes(part))) return kind
  if (extra.some((other) => normalize(other) === name)) return 'secret'
  return undefined
}

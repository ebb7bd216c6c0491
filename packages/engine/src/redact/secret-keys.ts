import type { SecretKind } from '@triage/protocol'
import { secretKindOf } from '@triage/protocol'

const normalize = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '')

/**
 * The kind of secret a key name holds (`password`, `X-Api-Key`, `Set-Cookie`, `client_secret`…),
 * or `undefined` for an ordinary key: the shared vocabulary's names (`@triage/protocol`, the SDK
 * scrubs with the same), and the `extra` names of a caller, compared without case, `-` or `_`,
 * which count as secrets.
 */
export function secretKeyKind(key: string, extra: readonly string[] = []): SecretKind | undefined {
  return secretKindOf(key) ?? (extra.some((other) => normalize(other) === normalize(key)) ? 'secret' : undefined)
}

import { BlockList, isIP } from 'node:net'

/**
 * On Node the client's address is the socket's peer, unless that peer is a proxy the operator
 * trusts (`TRIAGE_TRUSTED_PROXIES`): then it is the address the outermost trusted proxy saw, the
 * rightmost entry of `X-Forwarded-For` that no trusted proxy wrote. Entries to its left are the
 * client's own to write and never read. Rate limits, sign-in throttling and stream caps count
 * by it. (On Workers, Cloudflare's `CF-Connecting-IP` says it: see app.ts.)
 */

/** The most `X-Forwarded-For` entries read, from its end: more hops than any real chain of proxies. */
const maxHops = 16

/** An IPv4 peer of a server listening on `::` comes IPv4-mapped (`::ffff:127.0.0.1`). */
const unmapped = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address)

/**
 * The trusted proxies, from addresses and networks (`127.0.0.1`, `10.0.0.0/8`, `fd00::/8`).
 * @throws Error naming the entry that is neither
 */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/')
    const family = isIP(address)
    const bits = prefix === undefined ? undefined : /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN
    if (family === 0 || extra !== undefined || (bits !== undefined && !(bits <= (family === 4 ? 32 : 128)))) {
      throw new Error(`"${entry}" is not an IP address or a network like 10.0.0.0/8 or fd00::/8.`)
    }
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, bits, type)
  }
  return list
}

const isTrusted = (proxies: BlockList, address: string) => proxies.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6')

/**
 * The client's address, from the socket's peer and the `X-Forwarded-For` header it sent.
 * @param trusted the trusted proxies; none (undefined): the header is ignored
 */
export function clientAddressFrom(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: BlockList | undefined): string {
  if (socketAddress === undefined) return 'unknown'
  let client = unmapped(socketAddress)
  if (!trusted || !forwardedFor || !isTrusted(trusted, client)) return client
  // From the end: each hop a trusted proxy appended, until the first one none of them wrote.
  // Node caps a request's headers (16 KB), so the split is bounded too.
  const hops = forwardedFor.split(',').slice(-maxHops)
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = unmapped(hops[index]?.trim() ?? '')
    // A trusted proxy writes addresses; anything else means the chain cannot be read.
    if (isIP(hop) === 0) return unmapped(socketAddress)
    client = hop
    if (!isTrusted(trusted, hop)) return client
  }
  return client
}

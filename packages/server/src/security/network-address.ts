/**
 * Whether an IP address is outside the public internet: loopback, private, link-local (cloud
 * metadata lives at 169.254.169.254), carrier-grade NAT, unique-local, multicast or unspecified.
 * A webhook URL chosen by one tenant's admin must not reach the server's own network.
 *
 * @param address an IPv4 or IPv6 address as text (e.g. from DNS); anything else counts as private
 */
export function isPrivateAddress(address: string): boolean {
  const v4 = ipv4Parts(address)
  if (v4) return isPrivateV4(v4)
  const v6 = ipv6Groups(address)
  if (!v6) return true
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses are the IPv4 address.
  if (v6.slice(0, 5).every((group) => group === 0) && (v6[5] === 0xffff || v6[5] === 0)) {
    return isPrivateV4([v6[6]! >> 8, v6[6]! & 0xff, v6[7]! >> 8, v6[7]! & 0xff])
  }
  const first = v6[0]!
  return (
    v6.every((group, index) => group === (index === 7 ? 1 : 0)) || // ::1 loopback
    v6.every((group) => group === 0) || // :: unspecified
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xffc0) === 0xfec0 || // fec0::/10 site-local (deprecated, still routed inside)
    (first & 0xff00) === 0xff00 || // ff00::/8 multicast
    (first === 0x64 && v6[1] === 0xff9b) || // 64:ff9b::/96 NAT64 reaches IPv4 inside
    (first === 0x2001 && v6[1] === 0xdb8) // 2001:db8::/32 documentation
  )
}

function isPrivateV4([a, b]: number[]): boolean {
  return (
    a === 0 || // 0.0.0.0/8
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) || // 100.64.0.0/10 carrier-grade NAT
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // 192.0.0.0/24 protocol assignments, 192.0.2.0/24 documentation
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a! >= 224 // multicast and reserved, broadcast
  )
}

function ipv4Parts(address: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address)
  if (!match) return undefined
  const parts = match.slice(1).map(Number)
  return parts.every((part) => part <= 255) ? parts : undefined
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted IPv4 expanded). */
function ipv6Groups(address: string): number[] | undefined {
  let text = address
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase()
  const dotted = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(text)
  if (dotted) {
    const v4 = ipv4Parts(dotted[1]!)
    if (!v4) return undefined
    text = `${text.slice(0, dotted.index)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`
  }
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const parse = (half: string) => (half === '' ? [] : half.split(':'))
  const head = parse(halves[0]!)
  const tail = halves.length === 2 ? parse(halves[1]!) : []
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined
  return groups.map((group) => parseInt(group, 16))
}

/**
 * The part of a client address that counts as one caller for limits: an IPv4 address itself
 * (also when written IPv4-mapped), an IPv6 address by its /64 — one subscriber usually holds a
 * whole /64, so counting single IPv6 addresses would give them 2^64 budgets. Anything that does
 * not parse is kept as it is.
 */
export function addressBucket(address: string): string {
  if (ipv4Parts(address)) return address
  const v6 = ipv6Groups(address)
  if (!v6) return address
  if (v6.slice(0, 5).every((group) => group === 0) && v6[5] === 0xffff) return `${v6[6]! >> 8}.${v6[6]! & 0xff}.${v6[7]! >> 8}.${v6[7]! & 0xff}`
  return `${v6
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`
}

import { describe, expect, it } from 'vitest'
import { clientAddressFrom, trustedProxies } from './node-client-address.ts'

describe('the client address behind trusted proxies', () => {
  const proxies = trustedProxies(['127.0.0.1', '10.0.0.0/8', 'fd00::/8'])

  it('is the socket address when no proxy is trusted: X-Forwarded-For is anyone’s to write', () => {
    expect(clientAddressFrom('203.0.113.7', '198.51.100.1', undefined)).toBe('203.0.113.7')
    expect(clientAddressFrom('127.0.0.1', '198.51.100.1', undefined)).toBe('127.0.0.1')
  })

  it('is the socket address when the peer is not a trusted proxy, whatever it forwards', () => {
    expect(clientAddressFrom('203.0.113.7', '198.51.100.1', proxies)).toBe('203.0.113.7')
  })

  it('is the address the trusted proxy saw: the rightmost one no trusted proxy wrote', () => {
    expect(clientAddressFrom('127.0.0.1', '203.0.113.7', proxies)).toBe('203.0.113.7')
    // The client wrote its own X-Forwarded-For (a lie); the proxy appended what it saw.
    expect(clientAddressFrom('127.0.0.1', '198.51.100.1, 203.0.113.7', proxies)).toBe('203.0.113.7')
    // Two trusted hops: a load balancer in 10/8, then the local proxy.
    expect(clientAddressFrom('127.0.0.1', '198.51.100.1,203.0.113.7 , 10.1.2.3', proxies)).toBe('203.0.113.7')
    expect(clientAddressFrom('fd00::1', '2001:db8::7', proxies)).toBe('2001:db8::7')
  })

  it('reads an IPv4 peer that Node reports IPv4-mapped (a server listening on ::)', () => {
    expect(clientAddressFrom('::ffff:127.0.0.1', '203.0.113.7', proxies)).toBe('203.0.113.7')
  })

  it('falls back to the socket address when a trusted proxy sent nothing usable', () => {
    expect(clientAddressFrom('127.0.0.1', undefined, proxies)).toBe('127.0.0.1')
    expect(clientAddressFrom('127.0.0.1', '', proxies)).toBe('127.0.0.1')
    expect(clientAddressFrom('127.0.0.1', 'not-an-address', proxies)).toBe('127.0.0.1')
    expect(clientAddressFrom('127.0.0.1', '203.0.113.7, <script>', proxies)).toBe('127.0.0.1')
    // Every hop trusted: the farthest one is the client as far as anyone can tell.
    expect(clientAddressFrom('127.0.0.1', '10.0.0.9, 10.0.0.5', proxies)).toBe('10.0.0.9')
    expect(clientAddressFrom(undefined, '203.0.113.7', proxies)).toBe('unknown')
  })

  it('reads a header of thousands of hops in bounded time, from its end', () => {
    const hostile = `${Array.from({ length: 5_000 }, (_, index) => `198.51.${index % 250}.${index % 200}`).join(', ')}, 203.0.113.7`
    expect(clientAddressFrom('127.0.0.1', hostile, proxies)).toBe('203.0.113.7')
  })

  it('refuses a proxy entry that is not an address or a network, saying which', () => {
    expect(() => trustedProxies(['localhost'])).toThrow('"localhost" is not an IP address or a network like 10.0.0.0/8')
    expect(() => trustedProxies(['10.0.0.0/33'])).toThrow('"10.0.0.0/33"')
    expect(() => trustedProxies(['fd00::/129'])).toThrow('"fd00::/129"')
  })
})

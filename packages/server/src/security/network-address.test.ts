import { describe, expect, it } from 'vitest'
import { addressBucket, isPrivateAddress } from './network-address.ts'

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.2.10',
    '::1',
    '::',
    'fd12:3456::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '[::1]',
    '64:ff9b::a9fe:a9fe',
    'not an address',
    '999.1.1.1',
    '1::2::3',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true)
  })

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4007:80e::200e', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false)
  })
})

describe('addressBucket', () => {
  it('counts an IPv6 /64 as one caller, and an IPv4 address (mapped or not) as itself', () => {
    expect(addressBucket('2a00:1450:4007:80e::200e')).toBe('2a00:1450:4007:80e::/64')
    expect(addressBucket('2a00:1450:4007:80e:1:2:3:4')).toBe('2a00:1450:4007:80e::/64')
    expect(addressBucket('::ffff:8.8.8.8')).toBe('8.8.8.8')
    expect(addressBucket('8.8.8.8')).toBe('8.8.8.8')
    expect(addressBucket('unknown')).toBe('unknown')
  })
})

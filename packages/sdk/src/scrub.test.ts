// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest'
import { scrub, scrubText } from './scrub.ts'

// The markers of the shared vocabulary (@triage/protocol's secrets.ts), by kind.
const token = '[redacted:token]'
const apiKey = '[redacted:api_key]'
const password = '[redacted:password]'
const secret = '[redacted:secret]'
const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'

describe('scrubText redacts', () => {
  test.each([
    ['token-ish URL parameters', 'https://app.test/cb?token=abc123&page=2', `https://app.test/cb?token=${token}&page=2`],
    ['access_token in a fragment (OAuth implicit flow)', 'https://app.test/#access_token=ya29.a0&state=xyz', `https://app.test/#access_token=${token}&state=xyz`],
    ['an OAuth code', '/oauth/callback?code=4/0AX4XfWh&scope=email', `/oauth/callback?code=${token}&scope=email`],
    ['key, api_key and x-api-key', '?key=k1&api_key=k2&x-api-key=k3', `?key=${apiKey}&api_key=${apiKey}&x-api-key=${apiKey}`],
    ['password, secret, client_secret', '?password=hunter2&secret=s&client_secret=cs', `?password=${password}&secret=${secret}&client_secret=${secret}`],
    ['signatures (sig, X-Amz-Signature)', '?sig=abc&X-Amz-Signature=def', `?sig=${secret}&X-Amz-Signature=${secret}`],
    ['auth and session ids', '?auth=a&session_id=s&sid=t', `?auth=${token}&session_id=${token}&sid=${token}`],
    ['a Bearer token', 'Authorization: Bearer 9f8e7d6c5b4a3928', `Authorization: ${token} ${token}`],
    ['a Bearer token in prose', 'sent Bearer abcdefghijklmnopqrstuvwx to the API', `sent Bearer ${token} to the API`],
    ['Basic credentials', 'Basic dXNlcjpwYXNzd29yZA==', `Basic ${token}`],
    ['a JWT', `session ${jwt} expired`, `session ${token} expired`],
    ['Stripe-style secret keys', 'key sk_live_51HqLyjWDarjtT1zdp7dc', `key ${apiKey}`],
    ['publishable keys', 'pk_test_TYooMQauvdEDq54NiTphI7jx', apiKey],
    ['our reporter tokens', 'opened with rt_Zm9vYmFyYmF6cXV4MTIzNDU2', `opened with ${token}`],
    ['webhook secrets', 'signed with whsec_c2VjcmV0LXZhbHVlLWhlcmU', `signed with ${secret}`],
    ['passwords in free text', 'login failed for password: hunter2!', `login failed for password: ${password}`],
    ['secrets in JSON text', '{"user":"ada","secret":"s3cr3t"}', `{"user":"ada","secret":"${secret}"}`],
    ['a Visa number', 'card 4242 4242 4242 4242 declined', 'card [redacted:card] declined'],
    ['an Amex number with dashes', 'amex 3782-822463-10005', 'amex [redacted:card]'],
    ['a Mastercard number unspaced', 'paid with 5555555555554444.', 'paid with [redacted:card].'],
  ])('%s', (_, input, expected) => {
    expect(scrubText(input)).toBe(expected)
  })
})

describe('scrubText keeps near misses', () => {
  test.each([
    ['parameters that only contain a secret word', '?keyword=cats&monkey=1&zipcode=75001&tokens=3&page=2'],
    ['talk about passwords', 'I forgot my password and the reset link expired'],
    ['"Bearer" and "Basic" as words', 'Bearer of bad news; Basic functionality is broken'],
    ['something that merely starts like a JWT', 'eyJhbGciOi is not a token on its own'],
    ['short sk_ words', 'task_list and sk_short'],
    ['16 digits that fail Luhn (an order number)', 'order 4242 4242 4242 4241'],
    ['a millisecond timestamp', 'at 1732871234567'],
    ['a phone number', 'call +33 6 12 34 56 78'],
    ['an ISO date', '2026-11-29T10:00:00.000Z'],
  ])('%s', (_, input) => {
    expect(scrubText(input)).toBe(input)
  })

  test('a second pass changes nothing', () => {
    const once = scrubText(`?token=abc&sig=x Bearer 9f8e7d6c5b4a3928 ${jwt} sk_live_51HqLyjWDarjtT1zdp7dc card 4242424242424242`)
    expect(scrubText(once)).toBe(once)
  })
})

describe('scrub', () => {
  test('redacts every value under a secret-sounding name, in any case, at any depth', () => {
    expect(
      scrub({
        user: { id: 'u_1', hash: 'abc' },
        headers: { Authorization: 'x', 'X-Api-Key': 'y', Cookie: 'z', accept: 'json' },
        apiKey: 'k',
        accessToken: 't',
        nested: [{ password: 'p', note: 'see ?token=1' }],
        count: 3,
        ok: true,
        none: null,
      }),
    ).toEqual({
      user: { id: 'u_1', hash: 'abc' },
      headers: { Authorization: token, 'X-Api-Key': apiKey, Cookie: token, accept: 'json' },
      apiKey,
      accessToken: token,
      nested: [{ password, note: `see ?token=${token}` }],
      count: 3,
      ok: true,
      none: null,
    })
  })
})

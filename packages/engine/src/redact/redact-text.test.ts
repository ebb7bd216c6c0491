import { describe, expect, it } from 'vitest'
import { isLuhnValid } from '@triage/protocol'
import { redactText } from './redact-text.ts'

// Key-shaped test values are assembled from parts so secret scanners do not mistake them for leaks.
const stripeSecret = 'sk_' + 'live_' + '4eC39HqLyjWDarjtT1zdp7dc'
const stripePublishable = 'pk_' + 'test_' + 'TYooMQauvdEDq54NiTphI7jx'
const githubToken = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'
const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0' + '.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'

const masked = (text: string, options = {}) => redactText(text, options).text

describe('redactText: passwords', () => {
  it.each([
    ['password: hunter2', 'password: [redacted:password]'],
    ['Password=hunter', 'Password=[redacted:password]'],
    ['pwd=s3cr3t&user=ada', 'pwd=[redacted:password]&user=ada'],
    ['mot de passe : Soleil2024', 'mot de passe : [redacted:password]'],
    ['Mon mot de passe est « soleil »', 'Mon mot de passe est «[redacted:password]»'],
    ['my password is hunter2.', 'my password is [redacted:password].'],
    ['log {"password":"plain words","user":"ada"}', 'log {"password":"[redacted:password]","user":"ada"}'],
    ['https://ada:hunter2@db.example.com/main', 'https://ada:[redacted:password]@db.example.com/main'],
  ])('masks “%s”', (text, expected) => {
    expect(masked(text)).toBe(expected)
  })

  it.each([
    'I forgot my password: can you send a reset link?',
    'Mon mot de passe est refusé',
    'The password reset link fails',
    'my password is wrong',
    'I am locked out after three password attempts',
  ])('leaves “%s” alone', (text) => {
    expect(redactText(text)).toEqual({ text, found: [] })
  })
})

describe('redactText: keys and tokens', () => {
  it.each([
    ['Authorization: Bearer abcdef1234567890abcdef', 'Authorization: Bearer [redacted:token]'],
    [`token ${jwt} expired`, 'token [redacted:token] expired'],
    [`Bearer ${jwt}`, 'Bearer [redacted:token]'],
    [`key ${stripeSecret} leaked`, 'key [redacted:api_key] leaked'],
    [`publishable ${stripePublishable}`, 'publishable [redacted:api_key]'],
    ['aws AKIAIOSFODNN7EXAMPLE in the logs', 'aws [redacted:api_key] in the logs'],
    [`git ${githubToken}`, 'git [redacted:token]'],
    ['GET /cb?code=1&access_token=9f8e7d6c5b4a3f2e1d0c&x=1', 'GET /cb?code=1&access_token=[redacted:token]&x=1'],
    ['GET /v1?api_key=0123456789abcdef0123', 'GET /v1?api_key=[redacted:api_key]'],
    ['client_secret: c2VjcmV0LXZhbHVlLWhlcmU=', 'client_secret: [redacted:secret]'],
    ['csrf_token=AbCdEfGh12345678', 'csrf_token=[redacted:token]'],
    ['authorization: Basic YWRhOmh1bnRlcjI=', 'authorization: Basic [redacted:token]'],
  ])('masks “%s”', (text, expected) => {
    expect(masked(text)).toBe(expected)
  })

  it.each(['Send the Bearer header with every call', 'The token expired yesterday', 'token=short', 'I use the secret menu', 'sk_ prefix keys are for servers'])(
    'leaves “%s” alone',
    (text) => {
      expect(masked(text)).toBe(text)
    },
  )
})

describe('redactText: card numbers', () => {
  it.each([
    ['card 4242 4242 4242 4242 declined', 'card [redacted:card ••••4242] declined'],
    ['card 4242-4242-4242-4242', 'card [redacted:card ••••4242]'],
    ['card 4000056655665556.', 'card [redacted:card ••••5556].'],
    ['amex 3782 822463 10005', 'amex [redacted:card ••••0005]'],
    ['card 4242 4242 4242 4242 123 is mine', 'card [redacted:card ••••4242] 123 is mine'],
  ])('masks Luhn-valid “%s” and keeps the last four', (text, expected) => {
    expect(masked(text)).toBe(expected)
  })

  it('leaves a Luhn-invalid 16-digit number alone', () => {
    expect(isLuhnValid('4242424242424241')).toBe(false)
    expect(masked('ref 4242 4242 4242 4241')).toBe('ref 4242 4242 4242 4241')
  })

  it('leaves a 16-digit order number that fails the Luhn check alone', () => {
    expect(isLuhnValid('5012345678901234')).toBe(false)
    expect(masked('commande 5012345678901234')).toBe('commande 5012345678901234')
  })

  it.each(['Order 2024-000123 was charged twice', 'order #100234', 'call me at +33 6 12 34 56 78', 'at 1732780800000 ms'])(
    'leaves order numbers, phones and timestamps alone: “%s”',
    (text) => {
      expect(masked(text)).toBe(text)
    },
  )
})

describe('redactText: IBANs and e-mails', () => {
  it('masks a checksum-valid IBAN and leaves an invalid one', () => {
    expect(masked('IBAN FR76 3000 6000 0112 3456 7890 189, merci')).toBe('IBAN [redacted:iban], merci')
    expect(masked('iban DE89370400440532013000')).toBe('iban [redacted:iban]')
    expect(masked('IBAN FR76 3000 6000 0112 3456 7890 188')).toBe('IBAN FR76 3000 6000 0112 3456 7890 188')
  })

  it('masks e-mail addresses only when asked', () => {
    expect(masked('write to ada@example.com')).toBe('write to ada@example.com')
    expect(masked('write to ada.lovelace+support@mail.example.co.uk today', { emails: true })).toBe('write to [redacted:email] today')
  })
})

describe('redactText', () => {
  it('counts what it hid per kind, in a fixed order', () => {
    const text = 'card 4242424242424242, password: hunter2, pwd=abc123, key AKIAIOSFODNN7EXAMPLE'
    expect(redactText(text).found).toEqual([
      { kind: 'password', count: 2 },
      { kind: 'api_key', count: 1 },
      { kind: 'card', count: 1 },
    ])
  })

  it('changes nothing on a second pass', () => {
    const once = redactText(`password: hunter2 {"pwd":"x y"} Bearer ${jwt} card 4242424242424242 ${stripeSecret} https://a:b@c.d ada@example.com`, { emails: true })
    expect(once.found.length).toBeGreaterThan(3)
    expect(redactText(once.text, { emails: true })).toEqual({ text: once.text, found: [] })
  })
})

import { describe, expect, it } from 'vitest'
import { redactValue } from './redact-value.ts'
import { secretKeyKind } from './secret-keys.ts'

describe('redactValue', () => {
  it('hides the whole value under secret key names, whatever its type', () => {
    const context = {
      password: 'correct horse battery staple',
      headers: { Authorization: 'Basic abc', 'Set-Cookie': 'sid=1', 'X-Api-Key': 12345678 },
      form: [{ client_secret: { nested: true } }],
    }
    expect(redactValue(context).value).toEqual({
      password: '[redacted:password]',
      headers: { Authorization: '[redacted:token]', 'Set-Cookie': '[redacted:token]', 'X-Api-Key': '[redacted:api_key]' },
      form: [{ client_secret: '[redacted:secret]' }],
    })
  })

  it('masks secrets inside every string and counts them all', () => {
    const { value, found } = redactValue({
      url: 'https://app.example.com/cb?token=9f8e7d6c5b4a3f2e',
      breadcrumbs: [{ type: 'console', message: 'paid with 4242 4242 4242 4242', data: { status: 200, ok: true, note: null } }],
      password: 'x',
    })
    expect(value).toEqual({
      url: 'https://app.example.com/cb?token=[redacted:token]',
      breadcrumbs: [{ type: 'console', message: 'paid with [redacted:card ••••4242]', data: { status: 200, ok: true, note: null } }],
      password: '[redacted:password]',
    })
    expect(found).toEqual([
      { kind: 'password', count: 1 },
      { kind: 'token', count: 1 },
      { kind: 'card', count: 1 },
    ])
  })

  it('keeps ordinary keys, empty secrets and existing markers as they are', () => {
    const input = { page: '/settings', tokenExpiresIn: '', password: null, cookie: '[redacted:token]', count: 3 }
    expect(redactValue(input)).toEqual({ value: input, found: [] })
  })

  it('returns a copy and leaves the input unchanged', () => {
    const input = { password: 'hunter2', list: ['pwd=abc123'] }
    const { value } = redactValue(input)
    expect(input).toEqual({ password: 'hunter2', list: ['pwd=abc123'] })
    expect(value.list).toEqual(['pwd=[redacted:password]'])
  })

  it('keeps a “__proto__” key as data', () => {
    const input = JSON.parse('{"__proto__": {"password": "hunter2"}}') as Record<string, unknown>
    const { value } = redactValue(input)
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.hasOwn(value, '__proto__')).toBe(true)
    expect(JSON.stringify(value)).toBe('{"__proto__":{"password":"[redacted:password]"}}')
  })

  it('hides what is nested too deep to inspect', () => {
    let deep: unknown = 'password: hunter2'
    for (let i = 0; i < 100; i++) deep = [deep]
    const { found } = redactValue(deep)
    expect(found).toEqual([{ kind: 'depth', count: 1 }])
  })

  it('takes extra key names and the e-mail option', () => {
    expect(redactValue({ PIN: 1234, contact: 'ada@example.com' }, { secretKeys: ['pin'], emails: true }).value).toEqual({
      PIN: '[redacted:secret]',
      contact: '[redacted:email]',
    })
  })
})

describe('secretKeyKind', () => {
  it('reads key names in any case and separator style', () => {
    expect(['password', 'userPassword', 'mot_de_passe', 'pwd'].map((key) => secretKeyKind(key))).toEqual(['password', 'password', 'password', 'password'])
    expect(['access_token', 'Authorization', 'cookie', 'sessionId'].map((key) => secretKeyKind(key))).toEqual(['token', 'token', 'token', 'token'])
    expect(['apiKey', 'AWS_ACCESS_KEY_ID', 'client-secret', 'privateKey'].map((key) => secretKeyKind(key))).toEqual(['api_key', 'api_key', 'secret', 'secret'])
  })

  it('leaves ordinary key names alone', () => {
    expect(['url', 'passenger', 'compass', 'status', 'message', 'keyboard'].map((key) => secretKeyKind(key))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ])
  })
})

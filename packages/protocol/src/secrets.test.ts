import { describe, expect, it } from 'vitest'
import { cardMarker, isLuhnValid, isMarker, marker, secretKindOf, secretValues } from './secrets.ts'

describe('secretKindOf', () => {
  it('knows secret names from look-alikes, in any case and separator style', () => {
    expect(['token', 'refresh_token', 'idToken', 'api-key', 'passwd', 'clientSecret', 'sessionId'].filter((name) => secretKindOf(name))).toHaveLength(7)
    expect(['keyword', 'monkey', 'tokens', 'hash', 'id', 'url', 'author'].filter((name) => secretKindOf(name))).toEqual([])
  })

  it('names the kind: the first that matches', () => {
    expect(['password', 'userPassword', 'mot_de_passe', 'pwd', 'passphrase'].map(secretKindOf)).toEqual(['password', 'password', 'password', 'password', 'password'])
    expect(['access_token', 'Authorization', 'Set-Cookie', 'sessionId', 'csrf_token'].map(secretKindOf)).toEqual(['token', 'token', 'token', 'token', 'token'])
    expect(['apiKey', 'X-Api-Key', 'AWS_ACCESS_KEY_ID'].map(secretKindOf)).toEqual(['api_key', 'api_key', 'api_key'])
    expect(['client-secret', 'privateKey', 'X-Amz-Signature', 'sig', 'credentials'].map(secretKindOf)).toEqual(['secret', 'secret', 'secret', 'secret', 'secret'])
  })

  it('splits a name into words at humps and at runs of other characters, however mixed', () => {
    expect(['Refresh--Token', 'x.api key', 'userPWD', 'session2Id', 'MY_Cookie2', 'tokenizer'].map(secretKindOf)).toEqual([
      'token',
      'api_key',
      'password',
      undefined,
      undefined,
      undefined,
    ])
  })

  it('knows both spellings of cross-site request forgery tokens, and nothing shorter', () => {
    expect(['csrf', 'xsrf', 'X-XSRF-TOKEN', 'csrfmiddlewaretoken'].map(secretKindOf)).toEqual(['token', 'token', 'token', undefined])
    expect(['srf', 'x_srf', 'xcsrf'].map(secretKindOf)).toEqual([undefined, undefined, undefined])
  })

  it('leaves `code` alone as a name: it is a secret only as a URL parameter', () => {
    expect(secretKindOf('code')).toBeUndefined()
  })
})

describe('secretValues', () => {
  const isKey = (text: string) => new RegExp(`^(?:${secretValues.api_key})$`).test(text)

  it('knows sk_, pk_ and rk_ keys by 16 characters or more after the first underscore, live_ or test_ among them', () => {
    expect(['sk_live_51HqLyjWDarjtT1zdp7dc', 'pk_test_TYooMQauvdEDq54NiTphI7jx', 'rk_abcdefghijklmnop', 'sk_live_abcdefghijk', 'pk_test_-_-_-_-_-_-'].every(isKey)).toBe(true)
    expect(['sk_abcdefghijklmno', 'sk_live_abcdefghij', 'xk_abcdefghijklmnopq', 'sk-abcdefghijklmnopq', 'SK_abcdefghijklmnopq'].some(isKey)).toBe(false)
  })
})

describe('isLuhnValid', () => {
  it('passes card numbers of every length and fails one digit off', () => {
    expect(['4242424242424242', '4000056655665556', '378282246310005', '6011111111111117', '4222222222222', '6200000000000005'].every(isLuhnValid)).toBe(true)
    expect(isLuhnValid('4242424242424241')).toBe(false)
  })

  it('refuses an empty string and anything but digits', () => {
    expect(isLuhnValid('')).toBe(false)
    expect(isLuhnValid('42a2')).toBe(false)
  })
})

describe('markers', () => {
  it('say the kind, and a card its last four digits', () => {
    expect(marker('token')).toBe('[redacted:token]')
    expect(cardMarker('4242')).toBe('[redacted:card ••••4242]')
  })

  it('are recognised, and nothing else is', () => {
    expect([marker('password'), marker('api_key'), cardMarker('0005')].every(isMarker)).toBe(true)
    expect(['[Filtered]', '[redacted:]', 'x [redacted:token]', 12].some(isMarker)).toBe(false)
  })
})

// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest'
import { readScriptConfig } from './script-config.ts'

function scriptTag(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script')
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  return script
}

describe('readScriptConfig', () => {
  test('reads the key and defaults the endpoint to the origin the script came from', () => {
    const config = readScriptConfig(scriptTag({ src: 'https://triage.example.com/widget.js?v=1', 'data-key': 'pk_demo' }))
    expect(config).toEqual({ key: 'pk_demo', endpoint: 'https://triage.example.com', position: 'bottom-right' })
  })

  test('reads every data attribute', () => {
    const config = readScriptConfig(
      scriptTag({
        src: 'https://cdn.example.net/widget.js',
        'data-key': 'pk_demo',
        'data-endpoint': 'https://api.example.com',
        'data-locale': 'fr-CA',
        'data-position': 'bottom-left',
        'data-color': '#0f766e',
      }),
    )
    expect(config).toEqual({
      key: 'pk_demo',
      endpoint: 'https://api.example.com',
      locale: 'fr-CA',
      position: 'bottom-left',
      color: '#0f766e',
    })
  })

  test('falls back to bottom-right for a position it does not know', () => {
    const config = readScriptConfig(scriptTag({ src: 'https://x.test/widget.js', 'data-key': 'pk', 'data-position': 'top-left' }))
    expect(config).toMatchObject({ position: 'bottom-right' })
  })

  test('says how to fix a missing data-key', () => {
    expect(readScriptConfig(scriptTag({ src: 'https://x.test/widget.js' }))).toEqual({
      error: expect.stringContaining('add data-key="pk_…"'),
    })
  })

  test('says how to fix a load as a module script, where there is no currentScript', () => {
    expect(readScriptConfig(null)).toEqual({ error: expect.stringContaining('classic <script> tag') })
  })
})

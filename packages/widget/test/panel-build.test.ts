// The script-tag panels as built (run `npm run build` first; `npm test` does): the build shortens
// the property names private to a panel (scripts/widget-private-properties.mjs), and must leave
// alone every name the loader, the SDK's storage or the server's JSON share with it.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { enFollow } from '../src/i18n/en-follow.ts'
import { frFollow } from '../src/i18n/fr-follow.ts'

const built = (file: string) => {
  const path = join(import.meta.dirname, '../dist', file)
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first (npm test does).`)
  return readFileSync(path, 'utf8')
}

/** Every `.name` read, `name:` key and `name()` (or `async name()`) method of the minified code. */
const propertyNames = (code: string) => new Set([...code.matchAll(/\.([A-Za-z_$][\w$]*)|[{,](?:async )?([A-Za-z_$][\w$]*)[:(]/g)].map((match) => match[1] ?? match[2]))

describe.each(['widget-panel-en.js', 'widget-panel-fr.js'])('%s', (file) => {
  const names = propertyNames(built(file))

  it('keeps the names it shares with the loader, the SDK and the server', () => {
    // The handle and options the loader (widget.js) calls and passes…
    for (const name of ['open', 'close', 'destroy', 'identify', 'prefill', 'onSubmit', 'onStatusChange', 'shadow', 'launcher', 'container']) expect(names).toContain(name)
    // …and the wire format and the SDK's stored reports.
    for (const name of ['symptoms', 'reporterToken', 'idempotencyKey', 'publicNote', 'notice']) expect(names).toContain(name)
  })

  it("shortens the dictionary's keys, the state's members and Preact's class hooks", () => {
    for (const name of ['symptomsHint', 'suggestionQuestion', 'questionIndex', 'symptomsMissing', 'describeDone', 'componentDidMount', 'getDerivedStateFromProps']) {
      expect(names).not.toContain(name)
    }
  })
})

describe.each(['en', 'fr'])('widget-follow-%s.js', (locale) => {
  const follow = propertyNames(built(`widget-follow-${locale}.js`))
  const panel = propertyNames(built(`widget-panel-${locale}.js`))

  it("reads the panel's state and words by names kept whole in both files", () => {
    // Built apart, the follow-up screens read the panel's state and words: each name they use
    // must survive both builds unshortened, or they would read nothing there.
    const sources = ['report.tsx', 'my-reports.tsx'].map((file) => readFileSync(join(import.meta.dirname, '../src/steps', file), 'utf8')).join('\n')
    const read = new Set([...sources.matchAll(/\b(?:state|strings)\.(\w+)/g)].map((match) => match[1] ?? ''))
    expect(read.size).toBeGreaterThan(20)
    for (const name of read) {
      expect(follow, name).toContain(name)
      if (!(name in (locale === 'en' ? enFollow : frFollow))) expect(panel, name).toContain(name)
    }
  })

  it('carries no Preact of its own: it renders with the panel’s', () => {
    expect(built(`widget-follow-${locale}.js`)).not.toMatch(/__k|__e|setState/)
  })
})

// The script-tag panels as built (run `npm run build` first; `npm test` does): the build shortens
// the property names private to a panel (scripts/widget-private-properties.mjs), and must leave
// alone every name the loader, the SDK's storage or the server's JSON share with it.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const built = (file: string) => {
  const path = join(import.meta.dirname, '../dist', file)
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first (npm test does).`)
  return readFileSync(path, 'utf8')
}

/** Every `.name` read, `name:` key and `name()` method of the minified code. */
const propertyNames = (code: string) => new Set([...code.matchAll(/\.([A-Za-z_$][\w$]*)|[{,]([A-Za-z_$][\w$]*)[:(]/g)].map((match) => match[1] ?? match[2]))

describe.each(['widget-panel-en.js', 'widget-panel-fr.js'])('%s', (file) => {
  const names = propertyNames(built(file))

  it('keeps the names it shares with the loader, the SDK and the server', () => {
    // The handle and options the loader (widget.js) calls and passes…
    for (const name of ['open', 'close', 'destroy', 'identify', 'prefill', 'onSubmit', 'onStatusChange', 'shadow', 'launcher', 'container']) expect(names).toContain(name)
    // …and the wire format and the SDK's stored reports.
    for (const name of ['symptoms', 'reporterToken', 'idempotencyKey', 'slaPromise', 'timeline', 'publicNote']) expect(names).toContain(name)
  })

  it("shortens the dictionary's keys, the state's members and Preact's class hooks", () => {
    for (const name of ['symptomsHint', 'suggestionQuestion', 'questionIndex', 'symptomsMissing', 'describeDone', 'componentDidMount', 'getDerivedStateFromProps']) {
      expect(names).not.toContain(name)
    }
  })
})

// The script-tag panels as built (run `npm run build` first; `npm test` does): the build shortens
// the property names listed in mangle.json, and must leave alone every name the loader, the
// follow-up chunk, the SDK's storage or the server's JSON share with a panel.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { built } from '@triage/testing/built'
import { enFollow } from '../src/i18n/en-follow.ts'
import { frFollow } from '../src/i18n/fr-follow.ts'
import mangle from '../mangle.json' with { type: 'json' }

const listed = [...mangle.dictionary, ...mangle.state, ...mangle.preact]
const repository = join(import.meta.dirname, '../../..')

/** Every `.name` read, `name:` key and `name()` (or `async name()`) method of the minified code. */
const propertyNames = (code: string) => new Set([...code.matchAll(/\.([A-Za-z_$][\w$]*)|[{,](?:async )?([A-Za-z_$][\w$]*)[:(]/g)].map((match) => match[1] ?? match[2]))

/**
 * The sources on the far side of a panel's edge: the wire format and the SDK (its stored queue and
 * reports), the loader and `mount`'s options and handle, and the chunks built apart (follow-up screens, attachments).
 */
const acrossTheEdge = [
  'packages/protocol/src',
  'packages/sdk/src',
  'packages/widget/src/core',
  'packages/widget/src/options.ts',
  'packages/widget/src/panel/attach-type.ts',
  'packages/widget/src/panel/follow-type.ts',
  'packages/widget/src/panel/attachments-type.ts',
  'packages/widget/src/attachments',
  'packages/widget/src/panel/jsx-bridge.ts',
  'packages/widget/src/steps/report.tsx',
  'packages/widget/src/steps/my-reports.tsx',
  'packages/widget/src/steps/notice.tsx',
  'packages/widget/src/steps/known-problems.tsx',
  'packages/widget/src/panel/sdk-bridge.ts',
  'packages/widget/src/steps/failure-line.tsx',
  'packages/widget/src/script-tag.ts',
  'packages/widget/src/script-config.ts',
  'packages/widget/src/mount.tsx',
  'packages/widget/src/index.ts',
]

const sourceFiles = (path: string): string[] =>
  /\.tsx?$/.test(path)
    ? [path]
    : readdirSync(path, { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.tsx?$/.test(name) && !/(^|[\\/.])test/.test(name))
        .map((name) => join(path, name))

describe('mangle.json', () => {
  it('lists no name that the code across a panel’s edge uses', () => {
    // Generous on purpose: every `name:` (keys, type members) and `.name` (reads) of those sources.
    const shared = new Set<string>()
    for (const file of acrossTheEdge.flatMap((source) => sourceFiles(join(repository, source)))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\b(\w+)\??:|\.(\w+)/g)) shared.add(match[1] ?? match[2] ?? '')
    }
    expect(listed.filter((name) => shared.has(name))).toEqual([])
  })
})

describe.each(['widget-panel-en.js', 'widget-panel-fr.js'])('%s', (file) => {
  const names = propertyNames(built('widget', file))

  it('keeps the names it shares with the loader, the SDK and the server', () => {
    // The handle and options the loader (widget.js) calls and passes…
    for (const name of ['open', 'close', 'destroy', 'identify', 'prefill', 'onSubmit', 'onStatusChange', 'shadow', 'launcher', 'container']) expect(names).toContain(name)
    // …and the wire format and the SDK's stored reports.
    for (const name of ['symptoms', 'reporterToken', 'idempotencyKey', 'publicNote', 'notice']) expect(names).toContain(name)
  })

  it('shortens every name mangle.json lists: the dictionary’s keys, the state’s members and Preact’s class hooks', () => {
    expect(listed.length).toBeGreaterThan(50)
    expect(listed.filter((name) => names.has(name))).toEqual([])
  })
})

describe.each(['en', 'fr'])('widget-follow-%s.js', (locale) => {
  const follow = propertyNames(built('widget', `widget-follow-${locale}.js`))
  const panel = propertyNames(built('widget', `widget-panel-${locale}.js`))

  it("reads the panel's state and words by names kept whole in both files", () => {
    // Built apart, the follow-up screens read the panel's state and words: each name they use
    // must survive both builds unshortened, or they would read nothing there.
    const sources = ['report.tsx', 'my-reports.tsx', 'notice.tsx', 'known-problems.tsx']
      .map((file) => readFileSync(join(import.meta.dirname, '../src/steps', file), 'utf8'))
      .join('\n')
    const read = new Set([...sources.matchAll(/\b(?:state|strings)\.(\w+)/g)].map((match) => match[1] ?? ''))
    expect(read.size).toBeGreaterThan(20)
    for (const name of read) {
      expect(follow, name).toContain(name)
      if (!(name in (locale === 'en' ? enFollow : frFollow))) expect(panel, name).toContain(name)
    }
  })

  it('carries no Preact of its own: it renders with the panel’s', () => {
    expect(built('widget', `widget-follow-${locale}.js`)).not.toMatch(/__k|__e|setState/)
  })
})

describe.each(['en', 'fr'])('widget-attachments-%s.js', (locale) => {
  const attachments = propertyNames(built('widget', `widget-attachments-${locale}.js`))
  const panel = propertyNames(built('widget', `widget-panel-${locale}.js`))

  it("reads the panel's state by names kept whole in both files", () => {
    const sources = readdirSync(join(import.meta.dirname, '../src/attachments'))
      .map((file) => readFileSync(join(import.meta.dirname, '../src/attachments', file), 'utf8'))
      .join('\n')
    // `state.ts` is an import, not a read.
    const read = new Set([...sources.matchAll(/\bstate\.(?!ts\b)(\w+)/g)].map((match) => match[1] ?? ''))
    expect([...read]).toEqual(['files'])
    for (const name of read) {
      expect(attachments, name).toContain(name)
      expect(panel, name).toContain(name)
    }
  })

  it('carries no Preact and no signals of its own: it renders with the panel’s', () => {
    expect(built('widget', `widget-attachments-${locale}.js`)).not.toMatch(/__k|__e|setState|Cycle detected/)
  })
})

describe.each(['en', 'fr'])('the SDK’s later parts in the %s script-tag files', (locale) => {
  const panel = built('widget', `widget-panel-${locale}.js`)
  const follow = built('widget', `widget-follow-${locale}.js`)
  const attachments = built('widget', `widget-attachments-${locale}.js`)

  it('come with the chunk that needs them, not with the panel', () => {
    // Following (its event stream), the list of one's reports (a verified user's), a report's files (IndexedDB).
    for (const mark of ['EventSource', 'x-triage-user-hash', 'indexedDB', 'triage-files']) expect(panel, mark).not.toContain(mark)
    for (const mark of ['EventSource', 'x-triage-user-hash']) expect(follow, mark).toContain(mark)
    for (const mark of ['indexedDB', 'triage-files']) expect(attachments, mark).toContain(mark)
  })

  it('run on the panel’s SDK: no second TriageError nor transport in a chunk', () => {
    expect(panel).toMatch(/extends Error/)
    expect(panel).toContain('retry-after')
    for (const chunk of [follow, attachments]) expect(chunk).not.toMatch(/extends Error|retry-after/)
  })
})

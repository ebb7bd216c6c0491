import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Every link in the repository's Markdown resolves: files and folders exist, `#anchors` name a
// heading of their page, and paths a page names in code (`packages/…`) or in words (`X.md`) exist.
// Links to other sites are not fetched (the tests run offline).
const root = fileURLToPath(new URL('..', import.meta.url))
const skipped = new Set(['node_modules', '.git', 'dist', 'data', 'test-results', '.wrangler'])

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (skipped.has(name)) return []
    if (statSync(path).isDirectory()) return markdownFiles(path)
    return name.endsWith('.md') ? [path] : []
  })
}

/** The page without fenced code blocks, whose contents are examples rather than links. */
const withoutFences = (text: string) => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-')

function anchors(file: string): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  for (const [, heading = ''] of withoutFences(readFileSync(file, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    result.add(count === 0 ? base : `${base}-${count}`)
  }
  return result
}

/** Each problem with one page's links, as `file: what`; `content` stands in for the file's own text. */
function brokenLinks(file: string, content = readFileSync(file, 'utf8')): string[] {
  const text = withoutFences(content)
  const prose = text.replace(/`[^`\n]+`/g, '')
  const name = relative(root, file)
  const problems: string[] = []
  const targets = [
    ...[...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1] ?? ''),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s+<?(\S+?)>?(?:\s|$)/gm)].map((match) => match[1] ?? ''),
    ...[...prose.matchAll(/<(?:a|img)\s[^>]*(?:href|src)="([^"]+)"/g)].map((match) => match[1] ?? ''),
  ]
  for (const target of targets) {
    if (/^[a-z][a-z+.-]*:/i.test(target)) continue // another site, mail
    const [path = '', anchor] = target.split('#')
    const resolved = path === '' ? file : join(dirname(file), decodeURIComponent(path.split('?')[0] ?? ''))
    if (!existsSync(resolved)) {
      problems.push(`${name}: links to ${target}, which does not exist`)
    } else if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(anchor)) {
      problems.push(`${name}: links to ${target}, but ${relative(root, resolved)} has no heading #${anchor}`)
    }
  }
  // Paths named in code, like `packages/server/src/services/lifecycle.ts` (globs and placeholders aside).
  for (const [, path = ''] of text.matchAll(/`((?:packages|examples|bench|docs|scripts)\/[\w./-]+)`/g)) {
    if (/[*…]/.test(path)) continue
    if (!existsSync(join(root, path)) && !existsSync(join(dirname(file), path))) problems.push(`${name}: names \`${path}\`, which does not exist`)
  }
  // Pages named in words, like "see DESIGN.md".
  for (const [, page = ''] of prose.replace(/\]\([^)]*\)/g, ']').matchAll(/(?<![\w/.-])([\w-]+\.md)\b/g)) {
    if (!existsSync(join(dirname(file), page)) && !existsSync(join(root, page))) problems.push(`${name}: mentions ${page}, which is not in the repository`)
  }
  return problems
}

describe('the documentation', () => {
  it('has only links that resolve, in every Markdown page', () => {
    const pages = markdownFiles(root)
    expect(pages.map((page) => relative(root, page))).toEqual(expect.arrayContaining(['README.md', 'packages/sdk/README.md', 'packages/widget/README.md', 'docs/design.md']))
    expect(pages.flatMap((page) => brokenLinks(page))).toEqual([])
  })

  it('catches what it looks for', () => {
    // The checker itself, on a page written to fail it in each way.
    const page = join(root, 'docs/design.md')
    const sample = [
      '[a](missing.md) [b](../README.md#no-such-heading) see DESIGN.md `packages/nowhere/index.ts`',
      '[fine](../README.md#quick-start) [site](https://example.com) `packages/sdk/package.json`',
    ].join('\n')
    expect(brokenLinks(page, sample)).toEqual([
      'docs/design.md: links to missing.md, which does not exist',
      'docs/design.md: links to ../README.md#no-such-heading, but README.md has no heading #no-such-heading',
      'docs/design.md: names `packages/nowhere/index.ts`, which does not exist',
      'docs/design.md: mentions DESIGN.md, which is not in the repository',
    ])
  })
})

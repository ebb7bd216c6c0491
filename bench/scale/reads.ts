/**
 * The agents' read mix: every filter alone and combined, every sort, text search with a common
 * and a rare word, a deep cursor walk, SLA views, the enriched ticket, diagnostics and metrics.
 * Each route is called sequentially (one agent at a time), so its latency is the server's work.
 */
import { createClient } from '@libsql/client'
import type { Percentiles } from './measure.ts'
import { percentiles, timedGet } from './measure.ts'

export interface ReadTarget {
  url: string
  databaseUrl: string
  secretKey: string
  publishableKey: string
  samples: number
}

export interface Vocabulary {
  commonCategory: string
  rareCategory: string
  commonWord: string
  rareWord: string
  assignee: string
  ids: string[]
}

/** What the seeded history holds, to pick filter values that are common and rare in it. */
export async function vocabularyOf(databaseUrl: string): Promise<Vocabulary> {
  const client = createClient({ url: databaseUrl })
  try {
    const categories = (await client.execute(`select category, count(*) n from incidents where app_id = 'app_demo' group by category order by n desc`)).rows
    const sample = (await client.execute(`select symptoms from incidents where app_id = 'app_demo' order by rowid desc limit 5000`)).rows.map((row) => String(row['symptoms']))
    const counts = new Map<string, number>()
    for (const text of sample) for (const word of new Set(text.toLowerCase().match(/[a-z]{5,}/g) ?? [])) counts.set(word, (counts.get(word) ?? 0) + 1)
    const ranked = [...counts].sort((a, b) => b[1] - a[1])
    const ids = (await client.execute(`select id from incidents where app_id = 'app_demo' order by random() limit 200`)).rows.map((row) => String(row['id']))
    return {
      commonCategory: String(categories[0]?.['category']),
      rareCategory: String(categories[categories.length - 1]?.['category']),
      commonWord: ranked[0]?.[0] ?? 'password',
      rareWord: ranked.find(([, n]) => n === 1)?.[0] ?? 'zyxwvut',
      assignee: 'ada',
      ids,
    }
  } finally {
    client.close()
  }
}

/** name → path and query; `{id}` takes a random seeded incident. */
export function readRoutes(vocabulary: Vocabulary): Record<string, string> {
  const day = 86_400_000
  const iso = (ms: number) => new Date(ms).toISOString()
  const now = Date.now()
  return {
    'queue (default)': '/v1/incidents',
    'status=new': '/v1/incidents?status=new',
    'status=closed': '/v1/incidents?status=closed',
    'kind=request': '/v1/incidents?kind=request',
    [`category=${vocabulary.commonCategory} (common)`]: `/v1/incidents?category=${vocabulary.commonCategory}`,
    [`category=${vocabulary.rareCategory} (rare)`]: `/v1/incidents?category=${vocabulary.rareCategory}`,
    'priority=P1': '/v1/incidents?priority=P1',
    'tier=L2': '/v1/incidents?tier=L2',
    'assignee=ada': `/v1/incidents?assignee=${vocabulary.assignee}`,
    'assignee=nobody (none)': '/v1/incidents?assignee=nobody',
    'from/to (last week)': `/v1/incidents?from=${iso(now - 7 * day)}&to=${iso(now)}`,
    'combined status+priority+tier': '/v1/incidents?status=in_progress&priority=P3&tier=L1',
    'combined rare category+status': `/v1/incidents?category=${vocabulary.rareCategory}&status=new`,
    'sort=priority': '/v1/incidents?sort=priority',
    'sort=due': '/v1/incidents?sort=due',
    'sort=created': '/v1/incidents?sort=created',
    'status=new sort=priority': '/v1/incidents?status=new&sort=priority',
    [`q=${vocabulary.commonWord} (common)`]: `/v1/incidents?q=${vocabulary.commonWord}`,
    [`q=${vocabulary.rareWord} (rare)`]: `/v1/incidents?q=${vocabulary.rareWord}`,
    'q=zyxwvut (no match)': '/v1/incidents?q=zyxwvut',
    'sla=at_risk': '/v1/incidents?sla=at_risk',
    'sla=breached': '/v1/incidents?sla=breached',
    'enriched ticket + similar': '/v1/incidents/{id}',
    'metrics 30 days': `/v1/metrics?from=${iso(now - 30 * day)}&to=${iso(now)}`,
    'metrics 1 year': `/v1/metrics?from=${iso(now - 365 * day)}&to=${iso(now)}`,
  }
}

/** Latency percentiles per read route, plus page 50 of a cursor walk and diagnostics. */
export async function runReadMix(target: ReadTarget, vocabulary: Vocabulary, log: (line: string) => void): Promise<Record<string, Percentiles>> {
  const agent = { authorization: `Bearer ${target.secretKey}` }
  const results: Record<string, Percentiles> = {}
  for (const [name, path] of Object.entries(readRoutes(vocabulary))) {
    const samples: number[] = []
    for (let i = 0; i < target.samples + 2; i++) {
      const id = vocabulary.ids[i % vocabulary.ids.length] ?? ''
      const { ms } = await timedGet(`${target.url}${path.replace('{id}', id)}`, agent)
      if (i >= 2) samples.push(ms)
    }
    results[name] = percentiles(samples)
    log(row(name, results[name]))
  }

  // Page 50 of a walk: each page is a keyset seek from the previous page's last row.
  const pageSamples: number[] = []
  for (const sort of ['-created', 'priority', 'due']) {
    let cursor: string | null = null
    for (let page = 1; page <= 50; page++) {
      const query: string = `/v1/incidents?sort=${sort}&limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      const { ms, body } = await timedGet(`${target.url}${query}`, agent)
      if (page >= 45) pageSamples.push(ms)
      cursor = (JSON.parse(body) as { nextCursor: string | null }).nextCursor
      if (!cursor) break
    }
  }
  results['cursor walk, pages 45–50'] = percentiles(pageSamples)
  log(row('cursor walk, pages 45–50', results['cursor walk, pages 45–50']))

  const diagnostics: number[] = []
  const phrases = ['I cannot log in, the page keeps loading', 'the printer on floor 3 is jammed again', 'la facture de novembre est fausse', 'vpn disconnects every few minutes']
  for (let i = 0; i < target.samples + 2; i++) {
    const symptoms = encodeURIComponent(`${phrases[i % phrases.length]} ${i}`)
    const { ms } = await timedGet(`${target.url}/v1/diagnostics?symptoms=${symptoms}`, { 'x-triage-key': target.publishableKey })
    if (i >= 2) diagnostics.push(ms)
  }
  results['GET /v1/diagnostics'] = percentiles(diagnostics)
  log(row('GET /v1/diagnostics', results['GET /v1/diagnostics']))
  return results
}

export function row(name: string, p: Percentiles): string {
  const cell = (value: number) => `${value.toFixed(1)}`.padStart(8)
  return `  ${name.padEnd(40)} ${cell(p.p50)} ${cell(p.p95)} ${cell(p.p99)} ${cell(p.max)}  ms`
}

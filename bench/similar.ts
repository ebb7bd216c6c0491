// Similar-incident search at scale: builds a BM25 index of 100,000 synthetic-but-realistic past
// incidents (English and French support phrases, a long tail of product words, error codes) and
// times 2,000 searches. Goal: ≤ 5 ms per query. Run: `node bench/similar.ts [incidents] [queries]`.
import { availableParallelism, loadavg } from 'node:os'
import { createSimilarIndex } from '../packages/engine/src/similar/similar-index.ts'
import { prng, report } from './synthetic-reports.ts'

const incidentCount = Number(process.argv[2] ?? 100_000)
const queryCount = Number(process.argv[3] ?? 2_000)

const random = prng(42)
const texts = Array.from({ length: incidentCount }, () => report(random))
const index = createSimilarIndex()
const heapBefore = process.memoryUsage().heapUsed
const buildStart = performance.now()
for (const [i, text] of texts.entries()) {
  index.add({ id: `inc_${i}`, number: `INC-${String(i).padStart(6, '0')}`, text, createdAt: i, resolved: i % 3 === 0, publicResolution: i % 6 === 0 ? 'Fixed' : undefined })
}
const buildMs = performance.now() - buildStart
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024

const queryRandom = prng(7)
const queries = Array.from({ length: queryCount }, () => report(queryRandom))
for (const query of queries.slice(0, 200)) index.search(query) // warm-up: let the JIT compile the hot loop

// Three passes over the same queries: the first pass as it comes (GC and scheduler noise included),
// and per query the best of the three, which is the cost of the search itself on a busy machine.
const passes: number[][] = [[], [], []]
let found = 0
for (const times of passes) {
  for (const [i, query] of queries.entries()) {
    const start = performance.now()
    const results = index.search(query, { limit: 5, onlyResolved: i % 4 === 0 })
    times.push(performance.now() - start)
    found += results.length
  }
}
const best = queries.map((_, i) => Math.min(...passes.map((times) => times[i] as number)))
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
}
const figures = (values: number[]) => `median ${quantile(values, 0.5).toFixed(2)} ms · p99 ${quantile(values, 0.99).toFixed(2)} ms · max ${quantile(values, 1).toFixed(2)} ms`

console.log(
  `similar incidents: ${incidentCount.toLocaleString('en')} indexed, ${queryCount.toLocaleString('en')} searches (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs)`,
)
console.log(`build      ${buildMs.toFixed(0)} ms (${((buildMs * 1000) / incidentCount).toFixed(1)} µs per incident), ~${heapMb.toFixed(0)} MB heap`)
console.log(`search     ${figures(passes[0] as number[])}  (first pass)`)
console.log(`search     ${figures(best)}  (best of 3 per query; goal ≤ 5 ms)`)
console.log(`results    ${(found / passes.length / queryCount).toFixed(1)} per search on average`)
if (quantile(best, 0.99) > 5) process.exitCode = 1

// Writes the IT-tickets sample that `it-tickets.test.ts` trains and scores on, so `npm test` needs
// nothing beside the repository:
//   node packages/engine/scripts/sample-it-tickets.ts --input ../shared/data/it-tickets/dev.csv
// The seeded 80/20 split of dev.csv (seed 1, as `npm run eval -- --split 0.8 --seed 1`), then the
// first 15,000 training and the first 4,000 validation rows, brotli-compressed (about 1 MB for
// 5.8 MB of CSV) into packages/engine/test/fixtures/it-tickets/{train,validation}.csv.br.
// The same input always gives the same files.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { brotliCompressSync, constants } from 'node:zlib'
import { formatCsv } from '../src/classifier/csv.ts'
import type { LabelledText } from '../src/classifier/index.ts'
import { readLabelledCsv, splitRows } from './dataset.ts'

/** How many rows of each side the sample keeps: enough for the test's bounds to hold with a margin. */
const sampleSizes = { train: 15_000, validation: 4_000 } as const

const { values: args } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string', default: fileURLToPath(new URL('../test/fixtures/it-tickets', import.meta.url)) },
  },
})
if (!args.input) {
  console.error('Usage: node packages/engine/scripts/sample-it-tickets.ts --input …/it-tickets/dev.csv [--out DIR]')
  process.exit(2)
}

const { train, validation } = splitRows(readLabelledCsv(args.input, 'text', 'category'), 0.8, 1)
const sample: Record<string, LabelledText[]> = {
  train: train.slice(0, sampleSizes.train),
  validation: validation.slice(0, sampleSizes.validation),
}
mkdirSync(args.out, { recursive: true })
for (const [name, rows] of Object.entries(sample)) {
  const csv = Buffer.from(formatCsv([['text', 'category'], ...rows.map((row) => [row.text, row.label])]))
  const compressed = brotliCompressSync(csv, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: csv.length },
  })
  const file = path.join(args.out, `${name}.csv.br`)
  writeFileSync(file, compressed)
  console.log(`${file}: ${rows.length} rows, ${csv.length} B of CSV, ${compressed.length} B compressed`)
}

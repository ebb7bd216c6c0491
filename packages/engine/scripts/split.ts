// Writes a seeded train/validation split of a labelled CSV, for `npm run eval -- --train … --test …`:
//   node packages/engine/scripts/split.ts --input dev.csv --fraction 0.8 --seed 1 --out /tmp/split
// gives /tmp/split/train.csv and /tmp/split/validation.csv (columns text and category, or as named
// by --text and --label). The same input, fraction and seed always give the same files, and the
// same split as `npm run eval -- --train dev.csv --split 0.8 --seed 1`.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { formatCsv } from '../src/classifier/csv.ts'
import { readLabelledCsv, splitRows } from './dataset.ts'

const { values: args } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string' },
    fraction: { type: 'string', default: '0.8' },
    seed: { type: 'string', default: '1' },
    text: { type: 'string', default: 'text' },
    label: { type: 'string', default: 'category' },
  },
})
if (!args.input || !args.out) {
  console.error('Usage: node packages/engine/scripts/split.ts --input FILE --out DIR [--fraction 0.8] [--seed 1] [--text COLUMN] [--label COLUMN]')
  process.exit(2)
}

const { train, validation } = splitRows(readLabelledCsv(args.input, args.text, args.label), Number(args.fraction), Number(args.seed))
mkdirSync(args.out, { recursive: true })
for (const [name, rows] of [
  ['train', train],
  ['validation', validation],
] as const) {
  const file = path.join(args.out, `${name}.csv`)
  writeFileSync(file, formatCsv([[args.text, args.label], ...rows.map((row) => [row.text, row.label])]))
  console.log(`${file}: ${rows.length} rows`)
}

// Trains a fresh classifier on one CSV and scores it on another, or on a seeded split of one:
//   npm run eval -- --train train.csv --test test.csv --text text --label category
//   npm run eval -- --train dev.csv --split 0.8 --seed 1        (80 % to train, 20 % to score)
//   npm run eval -- --train dev.csv --split 0.8 --options '{"charNgrams":[3,5]}'
// --text and --label name the columns (default text and category); --options are ClassifierOptions.
// The last line printed is one JSON object: accuracy, macroF1, perClass (F1 per label), trainMs,
// classifyMicrosPerTicket (predict, reasons included).
import { parseArgs } from 'node:util'
import type { ClassifierOptions } from '../src/classifier/index.ts'
import { createClassifier } from '../src/classifier/index.ts'
import { readLabelledCsv, splitRows } from './dataset.ts'
import { score } from './metrics.ts'

const { values: args } = parseArgs({
  options: {
    train: { type: 'string' },
    test: { type: 'string' },
    text: { type: 'string', default: 'text' },
    label: { type: 'string', default: 'category' },
    split: { type: 'string' },
    seed: { type: 'string', default: '1' },
    options: { type: 'string', default: '{}' },
  },
})

if (!args.train || (!args.test && !args.split)) {
  console.error('Usage: npm run eval -- --train FILE (--test FILE | --split 0.8 [--seed 1]) [--text COLUMN] [--label COLUMN] [--options JSON]')
  process.exit(2)
}

const fraction = Number(args.split)
if (!args.test && !(fraction > 0 && fraction < 1)) {
  console.error(`--split must be a fraction between 0 and 1, such as 0.8; got ${args.split}`)
  process.exit(2)
}

const rows = readLabelledCsv(args.train, args.text, args.label)
const { train, validation } = args.test ? { train: rows, validation: readLabelledCsv(args.test, args.text, args.label) } : splitRows(rows, fraction, Number(args.seed))

const classifier = createClassifier(JSON.parse(args.options) as ClassifierOptions)
const trainStart = performance.now()
classifier.train(train)
const trainMs = performance.now() - trainStart

const predicted: string[] = []
const classifyStart = performance.now()
for (const example of validation) predicted.push(classifier.predict(example.text).label)
const classifyMs = performance.now() - classifyStart

console.log(`trained on ${train.length} texts, classified ${validation.length} (${args.test ? args.test : `split ${fraction}, seed ${args.seed}`})`)
console.log(
  JSON.stringify({
    ...score(
      validation.map((example) => example.label),
      predicted,
    ),
    trainMs: Math.round(trainMs),
    classifyMicrosPerTicket: Math.round(((classifyMs * 1000) / Math.max(1, validation.length)) * 10) / 10,
  }),
)

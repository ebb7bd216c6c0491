// Benchmark of the ticket classifier (packages/engine/src/classifier): train time on all of the
// IT tickets' dev.csv (38,270 tickets), classify time per ticket, size of the saved model.
// Run: node bench/classifier.ts [path/to/dev.csv]. A benchmark, not a test: it prints figures.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readLabelledCsv } from '../packages/engine/scripts/dataset.ts'
import { createClassifier, restoreClassifier } from '../packages/engine/src/classifier/index.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const file = process.argv[2] ?? path.resolve(root, '../shared/data/it-tickets/dev.csv')
const tickets = readLabelledCsv(file, 'text', 'category')

const time = <T>(run: () => T): [T, number] => {
  const start = performance.now()
  const result = run()
  return [result, performance.now() - start]
}

// The first training also compiles the code (JIT); the second shows the steady state.
const classifier = createClassifier()
const [, coldTrainMs] = time(() => classifier.train(tickets))
const [, warmTrainMs] = time(() => createClassifier().train(tickets))

for (const { text } of tickets.slice(0, 2000)) classifier.predict(text)
const [, classifyMs] = time(() => {
  for (const { text } of tickets) classifier.predict(text)
})

const [json, encodeMs] = time(() => JSON.stringify(classifier))
const [, restoreMs] = time(() => restoreClassifier(json))
const [, learnMs] = time(() => {
  for (const { text, label } of tickets.slice(0, 1000)) classifier.learn(text, label)
})

const figures = {
  tickets: tickets.length,
  trainMs: Math.round(coldTrainMs),
  trainWarmMs: Math.round(warmTrainMs),
  classifyMicrosPerTicket: Math.round((classifyMs * 1000 * 10) / tickets.length) / 10,
  learnMicrosPerTicket: Math.round((learnMs * 1000 * 10) / 1000) / 10,
  modelJsonBytes: json.length,
  toJsonMs: Math.round(encodeMs),
  restoreMs: Math.round(restoreMs),
}
console.log(`classifier on ${figures.tickets} tickets (${path.relative(root, file)})`)
console.log(`  train         ${figures.trainMs} ms (second run ${figures.trainWarmMs} ms)`)
console.log(`  classify      ${figures.classifyMicrosPerTicket} µs per ticket, with reasons`)
console.log(`  learn         ${figures.learnMicrosPerTicket} µs per correction`)
console.log(`  model JSON    ${(figures.modelJsonBytes / 1024).toFixed(0)} KiB (toJSON ${figures.toJsonMs} ms, restore ${figures.restoreMs} ms)`)
console.log(JSON.stringify(figures))

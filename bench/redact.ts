// Redaction on hostile input: 64 KB of a short unit repeated, shaped to make a careless regular
// expression backtrack (a run of name characters, half an e-mail, a label with no value…). Every
// rule must stay linear, so each text takes a few milliseconds, like ordinary prose of the same
// length. Prints the median and slowest of RUNS runs per input, and its ratio to the prose.
// Run: `npm run bench:redact` (RUNS=… for more).
import { redactText } from '../packages/engine/src/redact/redact-text.ts'

const runs = Number(process.env['RUNS'] ?? 15)
const size = 65_536
const units = ['a.', 'a', 'a_', '4 ', 'x@', 'https://', 'password: ', 'token=', 'FR76 ', 'key_key_']
const prose = 'The export button does nothing since this morning, password reset works. '

const repeat = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)

function time(text: string): { median: number; max: number } {
  const samples: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    redactText(text, { emails: true })
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(samples.length / 2)] ?? 0, max: samples.at(-1) ?? 0 }
}

const baseline = time(repeat(prose))
console.log(`redactText on 64 KB, ${runs} runs each (median / slowest, ms; ratio to prose)`)
console.log(`${'prose'.padEnd(14)} ${baseline.median.toFixed(2).padStart(8)} ${baseline.max.toFixed(2).padStart(8)}      1.0×`)
for (const unit of units) {
  const { median, max } = time(repeat(unit))
  console.log(`${JSON.stringify(unit).padEnd(14)} ${median.toFixed(2).padStart(8)} ${max.toFixed(2).padStart(8)} ${(median / baseline.median).toFixed(1).padStart(8)}×`)
}

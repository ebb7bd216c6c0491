import { readFileSync } from 'node:fs'
import { csvRows } from '../src/classifier/csv.ts'
import type { LabelledText } from '../src/classifier/index.ts'
import { seededRandom, shuffle } from '../src/classifier/random.ts'

/**
 * Labelled texts from a CSV file with a header.
 *
 * @param file path of the CSV
 * @param textColumn column holding the text
 * @param labelColumn column holding the label
 */
export function readLabelledCsv(file: string, textColumn: string, labelColumn: string): LabelledText[] {
  const rows = csvRows(readFileSync(file, 'utf8'))
  const first = rows[0]
  if (first && !(textColumn in first && labelColumn in first)) {
    throw new Error(`${file} has no column "${textColumn}" or "${labelColumn}"; its columns are ${Object.keys(first).join(', ')}`)
  }
  return rows.filter((row) => row[labelColumn] !== '').map((row) => ({ text: row[textColumn] ?? '', label: row[labelColumn] ?? '' }))
}

/**
 * A deterministic split: the rows shuffled by `seed`, the first `fraction` for training, the rest
 * for validation. The same rows, fraction and seed always give the same split.
 */
export function splitRows<T>(rows: readonly T[], fraction: number, seed: number): { train: T[]; validation: T[] } {
  const shuffled = [...rows]
  shuffle(shuffled, seededRandom(seed))
  const cut = Math.round(shuffled.length * fraction)
  return { train: shuffled.slice(0, cut), validation: shuffled.slice(cut) }
}

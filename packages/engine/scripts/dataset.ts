import { readFileSync } from 'node:fs'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { csvRows } from '../src/classifier/csv.ts'
import type { LabelledText } from '../src/classifier/index.ts'
import { seededRandom, shuffle } from '../src/classifier/random.ts'

/** A text file's content, decompressed when its name ends in `.br` (brotli) or `.gz` (gzip). */
export function readTextFile(file: string): string {
  const bytes = readFileSync(file)
  if (file.endsWith('.br')) return brotliDecompressSync(bytes).toString('utf8')
  if (file.endsWith('.gz')) return gunzipSync(bytes).toString('utf8')
  return bytes.toString('utf8')
}

/**
 * Labelled texts from a CSV file with a header (`.csv`, or compressed as `.csv.br` / `.csv.gz`).
 *
 * @param file path of the CSV
 * @param textColumn column holding the text
 * @param labelColumn column holding the label
 */
export function readLabelledCsv(file: string, textColumn: string, labelColumn: string): LabelledText[] {
  const rows = csvRows(readTextFile(file))
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

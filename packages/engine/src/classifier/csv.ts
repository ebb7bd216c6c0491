/**
 * Parse CSV text (RFC 4180): fields separated by commas, records by CRLF or LF, fields in double
 * quotes may hold commas, line breaks and doubled quotes (`""`). A byte-order mark is ignored.
 * Returns every record, the header included; a trailing line break adds no empty record.
 *
 * @param text the whole file's content
 * @example
 * parseCsv('text,category\r\n"printer, jammed",Hardware\r\n') // [['text', 'category'], ['printer, jammed', 'Hardware']]
 * @see https://www.rfc-editor.org/rfc/rfc4180
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endRecord = () => {
    record.push(field)
    records.push(record)
    record = []
    field = ''
  }
  while (i < text.length) {
    const char = text[i]
    if (quoted) {
      const close = text.indexOf('"', i)
      if (close === -1) throw new Error('CSV ends inside a quoted field: close the quote that opens it')
      field += text.slice(i, close)
      if (text[close + 1] === '"') {
        field += '"'
        i = close + 2
      } else {
        quoted = false
        i = close + 1
      }
    } else if (char === '"' && field === '') {
      quoted = true
      i++
    } else if (char === ',') {
      record.push(field)
      field = ''
      i++
    } else if (char === '\n' || char === '\r') {
      endRecord()
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      // Copy a run of plain characters at once: most fields have no quotes.
      let end = i + 1
      while (end < text.length) {
        const c = text.charCodeAt(end)
        if (c === 44 || c === 10 || c === 13 || c === 34) break
        end++
      }
      field += text.slice(i, end)
      i = end
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field: close the quote that opens it')
  if (field !== '' || record.length > 0) endRecord()
  return records
}

/**
 * Read the records of a CSV with a header as objects keyed by column name.
 *
 * @param text the whole file's content, its first record naming the columns
 * @example
 * csvRows('text,label\nhello,greeting\n') // [{ text: 'hello', label: 'greeting' }]
 */
export function csvRows(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text)
  if (!header) return []
  return records.map((record) => Object.fromEntries(header.map((name, column) => [name, record[column] ?? ''])))
}

/**
 * Write records as CSV (RFC 4180): fields with commas, quotes or line breaks are quoted, quotes
 * doubled, records ended by CRLF. `parseCsv` reads the result back unchanged.
 *
 * @param records rows of fields, the header first if any
 * @example
 * formatCsv([['text', 'label'], ['printer, jammed', 'Hardware']]) // 'text,label\r\n"printer, jammed",Hardware\r\n'
 */
export function formatCsv(records: readonly (readonly string[])[]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)
  return records.map((record) => `${record.map(field).join(',')}\r\n`).join('')
}

import { describe, expect, it } from 'vitest'
import { csvRows, formatCsv, parseCsv } from './csv.ts'

describe('parseCsv', () => {
  it('reads quoted fields holding commas, line breaks and doubled quotes', () => {
    const text = 'text,category\r\n"printer, jammed",Hardware\r\n"line one\nline ""two""",Access\n'
    expect(parseCsv(text)).toEqual([
      ['text', 'category'],
      ['printer, jammed', 'Hardware'],
      ['line one\nline "two"', 'Access'],
    ])
  })

  it('keeps empty fields, ignores a byte-order mark and needs no final line break', () => {
    expect(parseCsv('\ufeffa,b,c\n,,\nx,"",z')).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['x', '', 'z'],
    ])
  })

  it('refuses a quote left open', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/quoted field/)
  })
})

describe('csvRows', () => {
  it('keys each record by the header, missing trailing fields read as empty', () => {
    expect(csvRows('text,label\nhello,greeting\nbye\n')).toEqual([
      { text: 'hello', label: 'greeting' },
      { text: 'bye', label: '' },
    ])
  })
})

describe('formatCsv', () => {
  it('writes what parseCsv reads back unchanged', () => {
    const records = [
      ['text', 'label'],
      ['printer, jammed', 'Hardware'],
      ['says "hi"\nthen leaves', ''],
      ['plain', 'Access'],
    ]
    const text = formatCsv(records)
    expect(text).toBe('text,label\r\n"printer, jammed",Hardware\r\n"says ""hi""\nthen leaves",\r\nplain,Access\r\n')
    expect(parseCsv(text)).toEqual(records)
  })
})

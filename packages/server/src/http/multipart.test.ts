import { describe, expect, it } from 'vitest'
import { boundaryOf, MalformedMultipart, parseMultipart } from './multipart.ts'

/** A form as the runtime's own encoder (undici, as browsers do) writes it: its bytes and Content-Type. */
async function encoded(form: FormData): Promise<{ bytes: Uint8Array; type: string }> {
  const request = new Request('http://localhost/', { method: 'POST', body: form })
  return { bytes: new Uint8Array(await request.arrayBuffer()), type: request.headers.get('content-type') ?? '' }
}

const text = (value: string) => new TextEncoder().encode(value)
const written = (body: string) => text(body.replace(/\n/g, '\r\n'))

describe('parseMultipart', () => {
  it('reads back what a browser-style encoder wrote: fields, files, their names and types, byte for byte', async () => {
    // Binary bytes that hold CRLFs, dashes and a partial boundary.
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x2d, 0x2d, 0x0d, 0x0a, 0x2d, 0x2d, 0x2d, 0x2d, 0x00, 0xff])
    const form = new FormData()
    form.append('report', JSON.stringify({ symptoms: 'Blank page' }))
    form.append('file', new Blob([binary], { type: 'image/png' }), 'écran "final"\r\n.png')
    form.append('file', new Blob([], { type: '' }), 'empty.log')
    const { bytes, type } = await encoded(form)
    const parts = parseMultipart(bytes, type)
    expect(parts.map(({ name, filename, contentType }) => ({ name, filename, contentType }))).toEqual([
      { name: 'report', contentType: '' },
      // Browsers write a quote as %22 and a line break as %0D%0A in the name; it is kept as sent.
      { name: 'file', filename: 'écran %22final%22%0D%0A.png', contentType: 'image/png' },
      { name: 'file', filename: 'empty.log', contentType: 'application/octet-stream' },
    ])
    expect(new TextDecoder().decode(parts[0]?.body)).toBe('{"symptoms":"Blank page"}')
    expect(parts[1]?.body).toEqual(binary)
    expect(parts[2]?.body).toHaveLength(0)
  })

  it('answers views into the bytes read, not copies', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(1024).fill(7)]), 'a.bin')
    const { bytes, type } = await encoded(form)
    expect(parseMultipart(bytes, type)[0]?.body.buffer).toBe(bytes.buffer)
  })

  it('takes a preamble, transport padding, a quoted boundary, escaped quotes and filename*', () => {
    const body = written(
      'preamble to ignore\n--b1  \nContent-Disposition: form-data; name="file"; filename="a \\"b\\".txt"; filename*=UTF-8\'\'%C3%A9t%C3%A9.txt\nContent-Type: text/plain\n\nsummer\n--b1\ncontent-disposition: FORM-DATA; name=note\n\nhi\n--b1--\nepilogue',
    )
    const parts = parseMultipart(body, 'multipart/form-data; boundary="b1"')
    expect(parts.map(({ name, filename }) => ({ name, filename }))).toEqual([
      { name: 'file', filename: 'été.txt' },
      { name: 'note', filename: undefined },
    ])
    expect(new TextDecoder().decode(parts[0]?.body)).toBe('summer')
  })

  it('refuses broken bodies with MalformedMultipart, saying where they broke', () => {
    const refuses = (body: string, type = 'multipart/form-data; boundary=b1', limits = {}) => expect(() => parseMultipart(written(body), type, limits)).toThrow(MalformedMultipart)
    refuses('--b1\nContent-Disposition: form-data; name="a"\n\nvalue', 'multipart/form-data')
    refuses('no boundary anywhere')
    refuses('--b1\nContent-Disposition: form-data; name="file"; filename="a.png"\n\ncut off here')
    refuses('--b1\nContent-Type: image/png\n\nx\n--b1--')
    refuses('--b1\nContent-Disposition: form-data; filename="a.png"\n\nx\n--b1--')
    refuses('--b1\nnot a header\n\nx\n--b1--')
    refuses('--b1\nContent-Disposition: form-data; name="a"\n\nx\n--b1garbage\n--b1--')
    refuses(`--b1\nContent-Disposition: form-data; name="a"; x="${'y'.repeat(100)}"\n\nx\n--b1--`, undefined, { headerBytes: 64 })
    refuses(`${'--b1\nContent-Disposition: form-data; name="a"\n\nx\n'.repeat(3)}--b1--`, undefined, { parts: 2 })
  })
})

describe('boundaryOf', () => {
  it('reads a boundary token or quoted string of 1 to 70 characters', () => {
    expect(boundaryOf('multipart/form-data; boundary=----WebKitFormBoundaryA1b2')).toBe('----WebKitFormBoundaryA1b2')
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b:c"')).toBe('a b:c')
    expect(boundaryOf('multipart/form-data; boundary=')).toBeUndefined()
    expect(boundaryOf(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeUndefined()
  })
})

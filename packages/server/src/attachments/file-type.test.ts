import { describe, expect, it } from 'vitest'
import { plainJpeg, tinyPng } from '../../test/fixtures/images.ts'
import { fileTypeOf } from './file-type.ts'

const text = (value: string) => new TextEncoder().encode(value)
const gif = text('GIF89a\x01\x00\x01\x00\x00\x00\x00;')
const webp = new Uint8Array([...text('RIFF'), 4, 0, 0, 0, ...text('WEBP')])
const pdf = text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n')

describe('fileTypeOf', () => {
  it('recognises PNG, JPEG, GIF, WebP and PDF by their first bytes, whatever the declared type says nothing', () => {
    for (const declared of ['', 'application/octet-stream']) {
      expect(fileTypeOf(tinyPng(), declared)).toEqual({ ok: true, contentType: 'image/png' })
      expect(fileTypeOf(plainJpeg, declared)).toEqual({ ok: true, contentType: 'image/jpeg' })
      expect(fileTypeOf(gif, declared)).toEqual({ ok: true, contentType: 'image/gif' })
      expect(fileTypeOf(webp, declared)).toEqual({ ok: true, contentType: 'image/webp' })
      expect(fileTypeOf(pdf, declared)).toEqual({ ok: true, contentType: 'application/pdf' })
    }
  })

  it('accepts the usual aliases of a declared type', () => {
    expect(fileTypeOf(plainJpeg, 'image/jpg')).toMatchObject({ ok: true })
    expect(fileTypeOf(tinyPng(), 'IMAGE/PNG; charset=binary')).toMatchObject({ ok: true })
    expect(fileTypeOf(text('ERROR 12:00 boom\n'), 'text/x-log')).toMatchObject({ ok: true, contentType: 'text/plain' })
    expect(fileTypeOf(text('{"level":"error"}\n'), 'application/json')).toMatchObject({ ok: true, contentType: 'text/plain' })
  })

  it('takes UTF-8 logs with tabs, ANSI colours and a syslog priority as plain text', () => {
    const log = '<13>Jan  1 12:00:00 host app[42]: \x1b[31mERROR\x1b[0m\tcheckout failed — réessayez\r\n'
    expect(fileTypeOf(text(log), 'text/plain')).toEqual({ ok: true, contentType: 'text/plain' })
  })

  it('refuses HTML sent as image/png, and a PNG sent as HTML', () => {
    const html = fileTypeOf(text('<!DOCTYPE html><script>alert(1)</script>'), 'image/png')
    expect(html).toMatchObject({ ok: false })
    expect(fileTypeOf(tinyPng(), 'text/html')).toEqual({ ok: false, reason: 'it was sent as text/html but its bytes are image/png' })
  })

  it('refuses SVG, HTML and XML whatever they are declared as, even as plain text', () => {
    const svg = text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    for (const declared of ['image/svg+xml', 'text/plain', '']) expect(fileTypeOf(svg, declared), declared).toMatchObject({ ok: false })
    expect(fileTypeOf(text('\ufeff  <?xml version="1.0"?><svg/>'), '')).toMatchObject({ ok: false })
    expect(fileTypeOf(text('\n<html><body>hi</body></html>'), 'text/plain')).toMatchObject({ ok: false, reason: expect.stringContaining('HTML, XML or SVG') })
  })

  it('refuses binary files that are none of the accepted types', () => {
    expect(fileTypeOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'application/zip')).toMatchObject({ ok: false })
    expect(fileTypeOf(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), '')).toMatchObject({ ok: false }) // an .exe
    expect(fileTypeOf(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'text/plain')).toMatchObject({ ok: false }) // UTF-16
  })
})

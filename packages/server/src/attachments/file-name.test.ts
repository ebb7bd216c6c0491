import { describe, expect, it } from 'vitest'
import { cleanFileName, contentDisposition, downloadName } from './file-name.ts'

describe('cleanFileName', () => {
  it('keeps only the last path segment and drops control and bidi-override characters', () => {
    expect(cleanFileName('C:\\Users\\ada\\Desktop\\bug.png', 'file')).toBe('bug.png')
    expect(cleanFileName('../../etc/passwd', 'file')).toBe('passwd')
    expect(cleanFileName('invoice\u202egpj.exe', 'file')).toBe('invoicegpj.exe')
    expect(cleanFileName('a\r\nb.txt', 'file')).toBe('ab.txt')
  })

  it('falls back when nothing usable is left, and keeps at most 200 characters', () => {
    expect(cleanFileName('', 'screenshot.png')).toBe('screenshot.png')
    expect(cleanFileName('..', 'file')).toBe('file')
    expect(cleanFileName('x'.repeat(500), 'file')).toHaveLength(200)
  })
})

describe('downloadName', () => {
  it("adds the real type's extension when the name has another one", () => {
    expect(downloadName('page.html', 'image/png')).toBe('page.html.png')
    expect(downloadName('photo.JPG', 'image/jpeg')).toBe('photo.JPG')
    expect(downloadName('server.log', 'text/plain')).toBe('server.log')
    expect(downloadName('README', 'text/plain')).toBe('README.txt')
  })
})

describe('contentDisposition', () => {
  it('is inline for raster images and attachment for everything else', () => {
    expect(contentDisposition('a.png', 'image/png')).toMatch(/^inline;/)
    expect(contentDisposition('a.pdf', 'application/pdf')).toMatch(/^attachment;/)
    expect(contentDisposition('a.txt', 'text/plain')).toMatch(/^attachment;/)
  })

  it('gives a quoted ASCII fallback and the UTF-8 name, with nothing that could end the header early', () => {
    expect(contentDisposition('résumé "final"; x=1.pdf', 'application/pdf')).toBe(
      `attachment; filename="r_sum_ _final_; x=1.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22%3B%20x%3D1.pdf`,
    )
  })
})

import { describe, expect, it } from 'vitest'
import { cameraMake, cameraSerial, containsBytes, exifSegment, jpegWithGps, plainJpeg, pngChunk, tinyPng } from '../../test/fixtures/images.ts'
import { stripMetadata } from './metadata.ts'

const text = (value: string) => new TextEncoder().encode(value)

describe('stripMetadata: JPEG', () => {
  it('removes the EXIF block with its GPS position, camera make and serial', () => {
    const photo = jpegWithGps(plainJpeg, 1)
    expect(containsBytes(photo, cameraSerial)).toBe(true)
    const stripped = stripMetadata(photo, 'image/jpeg')
    expect(stripped).toBeDefined()
    expect(containsBytes(stripped!, cameraSerial)).toBe(false)
    expect(containsBytes(stripped!, cameraMake)).toBe(false)
    expect(containsBytes(stripped!, 'Exif')).toBe(false)
    // Nothing else changed: the picture as Chromium encoded it, byte for byte.
    expect(stripped).toEqual(plainJpeg)
  })

  it('keeps the orientation alone in a minimal EXIF block, so the photo is not shown on its side', () => {
    const stripped = stripMetadata(jpegWithGps(plainJpeg, 6), 'image/jpeg')!
    expect(containsBytes(stripped, cameraSerial)).toBe(false)
    expect(containsBytes(stripped, new Uint8Array([0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, 6]))).toBe(true)
    // Orientation block + the original picture: 36 bytes more than the plain JPEG, no GPS IFD.
    expect(stripped.length).toBe(plainJpeg.length + 36)
    expect(stripMetadata(stripped, 'image/jpeg')).toEqual(stripped)
  })

  it('answers the same bytes when there is nothing to remove', () => {
    expect(stripMetadata(plainJpeg, 'image/jpeg')).toBe(plainJpeg)
  })

  it('answers undefined for a JPEG damaged before its picture', () => {
    const photo = jpegWithGps()
    expect(stripMetadata(photo.subarray(0, 40), 'image/jpeg')).toBeUndefined()
    const broken = new Uint8Array(photo)
    broken[2] = 0x00
    expect(stripMetadata(broken, 'image/jpeg')).toBeUndefined()
  })

  it('also removes XMP, IPTC and comments', () => {
    const segment = (marker: number, body: string) => new Uint8Array([0xff, marker, 0, body.length + 2, ...text(body)])
    const extra = [segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta GPSLatitude="48"/>'), segment(0xed, 'Photoshop 3.0\0IPTC city'), segment(0xfe, 'shot at home')]
    const photo = new Uint8Array([...plainJpeg.subarray(0, 2), ...extra.flatMap((part) => [...part]), ...plainJpeg.subarray(2)])
    expect(stripMetadata(photo, 'image/jpeg')).toEqual(plainJpeg)
  })
})

describe('stripMetadata: PNG and WebP', () => {
  it('drops eXIf and text chunks of a PNG and keeps its picture chunks', () => {
    const exif = exifSegment().subarray(10)
    const tagged = tinyPng([pngChunk('eXIf', exif), pngChunk('tEXt', text(`Author\0${cameraSerial}`))])
    const stripped = stripMetadata(tagged, 'image/png')!
    expect(containsBytes(stripped, cameraSerial)).toBe(false)
    expect(stripped).toEqual(tinyPng())
  })

  it('drops the EXIF and XMP chunks of a WebP, clears their flags and rewrites the RIFF size', () => {
    const chunk = (type: string, data: Uint8Array) => new Uint8Array([...text(type), data.length & 0xff, data.length >> 8, 0, 0, ...data, ...(data.length % 2 ? [0] : [])])
    const vp8x = (flags: number) => chunk('VP8X', new Uint8Array([flags, 0, 0, 0, 0, 0, 0, 0, 0, 0]))
    const image = chunk('VP8L', new Uint8Array([0x2f, 0, 0, 0, 0]))
    const riff = (chunks: Uint8Array[]) => {
      const body = chunks.flatMap((part) => [...part])
      const size = body.length + 4
      return new Uint8Array([...text('RIFF'), size & 0xff, size >> 8, 0, 0, ...text('WEBP'), ...body])
    }
    const tagged = riff([vp8x(0x0c), image, chunk('EXIF', exifSegment().subarray(10)), chunk('XMP ', text('<x GPS="1"/>'))])
    expect(stripMetadata(tagged, 'image/webp')).toEqual(riff([vp8x(0x00), image]))
  })

  it('leaves GIF, PDF and text as they are', () => {
    const pdf = text('%PDF-1.7 /Author (Ada)')
    expect(stripMetadata(pdf, 'application/pdf')).toBe(pdf)
  })
})

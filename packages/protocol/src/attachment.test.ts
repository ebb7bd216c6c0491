import { describe, expect, it } from 'vitest'
import { isRasterImage } from './attachment.ts'

describe('isRasterImage', () => {
  it('is true for the four image types only', () => {
    expect(['image/png', 'image/jpeg', 'image/webp', 'image/gif'].every(isRasterImage)).toBe(true)
    expect(['application/pdf', 'text/plain', 'image/svg+xml'].some(isRasterImage)).toBe(false)
  })
})

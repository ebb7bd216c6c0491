import { describe, expect, it } from 'vitest'
import { termCosine, termVector } from './term-cosine.ts'

const cosine = (a: string, b: string) => termCosine(termVector(a), termVector(b))

describe('termCosine', () => {
  it('is 1 for the same words in another order, case or accent', () => {
    expect(cosine('Checkout fails with error 500', 'ERROR 500: the checkout FAILS')).toBeCloseTo(1)
    expect(cosine('Paiement refusé', 'paiement refuse')).toBeCloseTo(1)
  })

  it('is high for the same problem in other words and 0 for another problem', () => {
    expect(cosine('Checkout page shows error 500 when paying', 'Error 500 on checkout when I pay')).toBeGreaterThan(0.6)
    expect(cosine('Checkout page shows error 500', 'I was charged twice on my invoice')).toBe(0)
  })

  it('is 0 when a text has no terms', () => {
    expect(cosine('', 'checkout error')).toBe(0)
    expect(cosine('the and of', 'the and of')).toBe(0)
  })
})

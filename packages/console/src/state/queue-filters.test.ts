import { describe, expect, it } from 'vitest'
import { filtersFrom, listQueryOf, searchOf } from './queue-filters.ts'

describe('the queue filters in the URL', () => {
  it('reads a view, the filters and a sort, and gives each view its natural order', () => {
    expect(filtersFrom(new URLSearchParams('view=breached&q=vpn&priority=P1&tier=L2&category=access'))).toEqual({
      view: 'breached',
      q: 'vpn',
      priority: 'P1',
      category: 'access',
      tier: 'L2',
      sort: 'due',
    })
    expect(filtersFrom(new URLSearchParams('')).sort).toBe('-created')
  })

  it('falls back to the defaults for anything it does not know', () => {
    expect(filtersFrom(new URLSearchParams('view=everything&priority=P9&tier=L7&sort=random'))).toEqual({
      view: 'all',
      q: '',
      priority: '',
      category: '',
      tier: '',
      sort: '-created',
    })
  })

  it('writes back only what differs from the defaults, and round-trips', () => {
    const filters = filtersFrom(new URLSearchParams('view=mine&q=export&sort=created'))
    expect(searchOf(filters)).toBe('?view=mine&q=export&sort=created')
    expect(filtersFrom(new URLSearchParams(searchOf(filters)))).toEqual(filters)
    expect(searchOf(filtersFrom(new URLSearchParams('view=at_risk')))).toBe('?view=at_risk')
  })

  it('asks the API with the trimmed search and no empty filter', () => {
    expect(listQueryOf(filtersFrom(new URLSearchParams('q=%20%20&priority=P2')))).toEqual({ sort: '-created', priority: 'P2' })
    expect(listQueryOf(filtersFrom(new URLSearchParams('view=waiting')))).toEqual({ view: 'waiting', sort: '-created' })
  })
})

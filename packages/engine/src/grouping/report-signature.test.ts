import { describe, expect, it } from 'vitest'
import { reportSignature, routeOf, signatureSimilarity } from './report-signature.ts'

const similarity = (a: string, b: string, extra: { url?: string } = {}) => signatureSimilarity(reportSignature({ text: a, ...extra }), reportSignature({ text: b, ...extra }))

describe('reportSignature', () => {
  it('brings an English and a French report of one outage together, with no word in common', () => {
    expect(similarity('Login is stuck loading, I cannot sign in', 'Impossible de me connecter, la page de connexion tourne en boucle')).toBeGreaterThan(0.5)
    expect(similarity('Images don’t load anywhere', 'Les images ne s’affichent plus du tout')).toBeGreaterThan(0.5)
    expect(similarity('Sync between my phone and computer stopped', 'La synchronisation entre mes appareils ne fonctionne plus')).toBeGreaterThan(0.5)
  })

  it('keeps reports of different outages apart, even when they share a way of failing', () => {
    expect(similarity('Login is stuck loading, I cannot sign in', 'The dashboard takes forever to load')).toBeLessThan(0.4)
    expect(similarity('Calendar events disappeared', 'Profile photos and thumbnails are missing')).toBeLessThan(0.4)
  })

  it('does not take a way of failing alone for one outage when no part of the app is named', () => {
    expect(similarity('No subtitles on any episode', 'Check-in completes but no boarding pass')).toBeLessThan(0.3)
    // Slowness and unreachability speak of the whole app by themselves.
    expect(similarity('Très très lent depuis 9h', 'Everything is lagging badly this morning')).toBeGreaterThan(0.35)
  })

  it('tells what fails wrongly from what does not work at all', () => {
    const empty = similarity('The CSV export is empty', 'Export gives an empty file')
    expect(similarity('The CSV export is empty', 'The CSV has semicolons instead of commas')).toBeLessThan(empty - 0.3)
  })

  it('takes a word that names two things for the one the rest of the text backs', () => {
    expect([...reportSignature({ text: 'All my meetings are gone from the calendar' }).cues.keys()]).not.toContain('call')
    expect([...reportSignature({ text: 'Meetings disconnect right after joining' }).cues.keys()]).not.toContain('calendar')
    // A phrase hides the words inside it: a text message is a notification, not a chat message.
    expect([...reportSignature({ text: 'No security code text message today' }).cues.keys()]).not.toContain('message')
  })

  it('never lets a question, a feature request or a billing question join an outage', () => {
    for (const text of [
      'How do I invite a guest to a project?',
      'Please add an option to sort by due date',
      'Je voudrais passer à l’offre annuelle',
      'Could you explain the difference between the plans?',
      'Comment supprimer mon compte ?',
      'I want to cancel my subscription',
      'The comment editor should support markdown',
      'The video quality could be better',
      'My manager needs access to the time sheets',
      'Thanks for fixing the login issue yesterday',
      'Your app is great but a bit slow to learn',
    ]) {
      expect(reportSignature({ text }).eligible, text).toBe(false)
    }
  })

  it('reads complaints that open like a question as complaints', () => {
    for (const text of [
      "Can't stay in a call, it disconnects immediately",
      'Comment box throws “something went wrong”',
      'Nothing loads since the update',
      'Please help, the login page spins forever',
    ]) {
      expect(reportSignature({ text }).eligible, text).toBe(true)
    }
  })

  it('says when many people are hit, from the words or the diagnostic answers', () => {
    expect(reportSignature({ text: 'Video conference fails for all of us' }).widespread).toBe(true)
    expect(reportSignature({ text: 'Le site est en panne pour toute l’équipe' }).widespread).toBe(true)
    expect(reportSignature({ text: 'Checkout fails', answers: { impact: 'everyone' } }).widespread).toBe(true)
    expect(reportSignature({ text: 'Checkout fails', answers: { impact: 'me' } }).widespread).toBe(false)
  })

  it('counts the page a report came from', () => {
    const onCheckout = similarity('Checkout is broken', 'Cannot pay for my order', { url: 'https://shop.example/checkout?step=2' })
    expect(onCheckout).toBeGreaterThan(similarity('Checkout is broken', 'Cannot pay for my order'))
  })
})

describe('routeOf', () => {
  it('keeps the route of a page without ids, queries or a language prefix', () => {
    expect(routeOf('https://shop.example/fr/orders/48213/edit?tab=2')).toBe('/orders/:id/edit')
    expect(routeOf('https://shop.example/checkout')).toBe('/checkout')
    expect(routeOf('/settings/billing/cards/new/extra')).toBe('/settings/billing/cards')
  })

  it('has no route for the home page or what is not a URL', () => {
    expect(routeOf('https://shop.example/')).toBeUndefined()
    expect(routeOf(undefined)).toBeUndefined()
    expect(routeOf('http://[bad')).toBeUndefined()
  })
})

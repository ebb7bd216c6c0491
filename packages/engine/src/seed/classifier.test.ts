import { describe, expect, it } from 'vitest'
import { restoreClassifier } from '../classifier/index.ts'
import { triage } from '../triage.ts'
import { seedClassifier } from './classifier.ts'

// Phrasings that are not in the seed examples, in both languages.
const unseen: [string, string][] = [
  ['I cannot sign in, my password is refused', 'access'],
  ['Impossible de me connecter avec mon mot de passe', 'access'],
  ['I was billed twice for the same month', 'billing'],
  ['Remboursement de mon abonnement annulé', 'billing'],
  ['The app crashes when I open settings', 'bug'],
  ['Le site est très lent ce matin', 'performance'],
  ['All my photos are gone since yesterday', 'data_loss'],
  ['Erreur 503 sur toutes les pages', 'connectivity'],
  ['I no longer get push notifications', 'notifications'],
  ['How can I export a report to PDF?', 'how_to'],
  ['Quelqu’un a piraté mon compte', 'security'],
]

describe('the seed classifier', () => {
  it('files unseen English and French reports under the right category', () => {
    const classifier = seedClassifier()
    const right = unseen.filter(([text, label]) => classifier.predict(text).label === label)
    expect(right.length / unseen.length).toBeGreaterThanOrEqual(0.9)
  })

  it('learns from one correction, and the next similar report follows it', () => {
    const classifier = seedClassifier()
    expect(classifier.predict('The badge printer on floor 3 jams').label).not.toBe('hardware')
    classifier.learn('The badge printer on floor 3 jams', 'hardware')
    expect(classifier.predict('The badge printer on floor 2 jams again').label).toBe('hardware')
    // A fresh seed copy has not learnt it: each app learns on its own.
    expect(seedClassifier().predict('The badge printer on floor 2 jams again').label).not.toBe('hardware')
    // And what it learnt survives serialization.
    expect(restoreClassifier(JSON.parse(JSON.stringify(classifier.toJSON()))).predict('badge printer jams').label).toBe('hardware')
  })

  it('lets a structured signal tip a close call in triage', () => {
    const text = 'nothing happens when I click save'
    const withError = triage(
      { symptoms: text, context: { breadcrumbs: [{ at: '2026-11-28T10:00:00Z', type: 'http', message: 'POST /save', data: { status: 503 } }] } },
      { classifier: seedClassifier() },
    )
    expect(withError.category.value).toBe('connectivity')
    expect(withError.category.reasons).toContain('a request failed with HTTP 503')
  })
})

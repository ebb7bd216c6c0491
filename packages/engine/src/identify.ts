import type { IncidentKind } from '@triage/protocol'
import { foldText } from './text.ts'

export interface KindDecision {
  value: IncidentKind
  confidence: number
  reasons: string[]
}

// Phrases of someone asking for something (access, a change, information) rather than
// reporting that something broke. English and French, folded.
const requestPhrases = [
  'how do i', 'how can i', 'how to', 'can you', 'could you', 'please add', 'i would like', "i'd like",
  'is it possible', 'i need access', 'request', 'feature', 'give me access', 'grant',
  'comment faire', 'comment puis', 'pourriez-vous', 'pouvez-vous', 'je voudrais', 'je souhaite',
  'est-il possible', 'besoin d acces', "besoin d'acces", 'demande',
]
const brokenPhrases = [
  'error', 'crash', 'broken', 'not working', "doesn't work", 'does not work', "can't", 'cannot', 'fail',
  'lost', 'down', 'slow', 'bug', 'hacked', 'erreur', 'plante', 'marche pas', 'fonctionne pas', 'impossible',
  'perdu', 'panne', 'lent', 'bloque', 'pirate',
]

/** Incident (something broke) or request (asking for something), with the phrases that decided. */
export function identify(symptoms: string): KindDecision {
  const text = foldText(symptoms)
  const asks = requestPhrases.filter((phrase) => text.includes(phrase))
  const breaks = brokenPhrases.filter((phrase) => text.includes(phrase))
  if (asks.length > breaks.length) {
    return {
      value: 'request',
      confidence: asks.length / (asks.length + breaks.length),
      reasons: [`asks for something (“${asks.slice(0, 3).join('”, “')}”)`],
    }
  }
  const total = asks.length + breaks.length
  return {
    value: 'incident',
    confidence: total === 0 ? 0.5 : breaks.length / total,
    reasons: breaks.length
      ? [`describes something broken (“${breaks.slice(0, 3).join('”, “')}”)`]
      : ['no request wording; treated as an incident'],
  }
}

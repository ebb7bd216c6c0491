import type { IncidentKind } from '@triage/protocol'
import { foldText } from './text.ts'

export interface KindDecision {
  value: IncidentKind
  confidence: number
  reasons: string[]
}

interface Cue {
  pattern: RegExp
  weight: number
  words: string
}

// Someone asking for something (access, a change, information) rather than reporting that
// something broke. English and French, on folded text.
const requestCues: Cue[] = [
  { pattern: /\b(how (do|can|should|to)|is there a way|is it possible|comment (faire|puis|peut)|est-il possible|y a-t-il un moyen)\b/, weight: 2, words: 'asks how' },
  {
    pattern:
      /\b(feature request|would be (nice|great|useful)|add support|support for|suggestion|proposal|enhancement|option to|ability to|allow (users|me|us|to)|it would be|fonctionnalite|serait bien|ajouter)\b/,
    weight: 2,
    words: 'asks for a change',
  },
  {
    pattern:
      /\b(can you|could you|please add|i would like|i'd like|i need access|give me access|grant|request|pourriez-vous|pouvez-vous|je voudrais|je souhaite|besoin d.acces|demande)\b/,
    weight: 1,
    words: 'asks for something',
  },
  { pattern: /\b(question|why does|why is|what is the|what does|documentation|docs|example of|exemple|pourquoi)\b/, weight: 1, words: 'asks a question' },
]
const incidentCues: Cue[] = [
  { pattern: /(traceback|exception|stack trace|segmentation fault|\bat [\w.$<>]+ \(|error:|\berr_|panic:|fatal)/, weight: 2, words: 'shows an error or a stack trace' },
  {
    pattern: /\b(crash(es|ed)?|broken|not working|doesn.t work|does not work|stopped working|fails?|failed|failing|regression|bug|plante|marche pas|fonctionne (pas|plus)|panne)\b/,
    weight: 2,
    words: 'describes something broken',
  },
  {
    pattern: /\b(error|wrong|cannot|can.t|unable|lost|missing|disappeared|down|slow|freez\w*|hang\w*|hacked|erreur|impossible|perdu|disparu|lent|bloque|pirate)\b/,
    weight: 1,
    words: 'describes a malfunction',
  },
  { pattern: /\b(steps to reproduce|to reproduce|expected behaviou?r|actual behaviou?r|repro)\b/, weight: 1, words: 'gives steps to reproduce' },
]

function score(text: string, cues: Cue[]): { total: number; words: string[] } {
  let total = 0
  const words: string[] = []
  for (const cue of cues) {
    if (cue.pattern.test(text)) {
      total += cue.weight
      words.push(cue.words)
    }
  }
  return { total, words }
}

/**
 * Incident (something broke) or request (asking for something), with the cues that decided.
 * The first line (a title or the first sentence) counts three times: people say what they want
 * there, while a long body mixes words of both kinds (a feature request quotes the error it avoids).
 */
export function identify(symptoms: string): KindDecision {
  const folded = foldText(symptoms)
  const title = folded.split('\n', 1)[0] ?? ''
  const asks = score(folded, requestCues)
  const breaks = score(folded, incidentCues)
  // "Can't…" and "Don't…" open complaints, not questions: the word boundary before the apostrophe is not the end of the word.
  const questionTitle =
    /\?\s*$/.test(title.trim()) || /^(\[?question\]?|how|why|what|is|are|can|does|do|should|where|which|comment|pourquoi|est-ce|peut-on)\b(?!['’]t\b)/.test(title.trim())
  const titleAsks = score(title, requestCues).total + (questionTitle ? 2 : 0)
  const titleBreaks = score(title, incidentCues).total
  // The title decides when it leans; the body, where words of both kinds mix, breaks ties.
  const request = 3 * titleAsks + asks.total * 0.5
  const incident = 3 * titleBreaks + breaks.total * 0.5
  const total = request + incident
  if (request > incident) {
    return { value: 'request', confidence: Math.round((request / total) * 100) / 100, reasons: asks.words.length ? asks.words : ['asks a question'] }
  }
  return {
    value: 'incident',
    confidence: total === 0 ? 0.5 : Math.round((incident / total) * 100) / 100,
    reasons: breaks.words.length ? breaks.words : ['no request wording; treated as an incident'],
  }
}

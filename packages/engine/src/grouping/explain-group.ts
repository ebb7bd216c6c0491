import { outageConcepts } from './outage-lexicon.ts'
import type { ReportSignature } from './report-signature.ts'

/** What a group's reports say, counted: kept up to date as reports join, or built from their texts. */
export interface GroupWords {
  /** Concept id → how many reports named it, and with which words (as written, folded). */
  concepts: Map<string, { reports: number; words: Map<string, number> }>
}

/** Why a major incident's reports belong together. */
export interface GroupExplanation {
  /** What they are about: "signing in". */
  about: string
  /** The words they use most, in both languages: "login", "connexion", "spins", "loading". */
  words: string[]
  /** "12 reports in 6 min about signing in: 'login', 'connexion', 'spins', 'loading'". */
  summary: string
}

const conceptById = new Map(outageConcepts.map((concept) => [concept.id, concept]))
// Words of these say that something is wrong, not what: they never lead an explanation.
const quietConcepts = new Set(['fails', 'recurring', 'wrong', 'device', 'records', 'edits', 'account'])
const maxWordsPerConcept = 40

export function emptyGroupWords(): GroupWords {
  return { concepts: new Map() }
}

/** Counts one report's concepts and words into a group's; the word lists stay bounded. */
export function countGroupWords(group: GroupWords, signature: ReportSignature): void {
  for (const [id, words] of signature.cues) {
    let concept = group.concepts.get(id)
    if (!concept) group.concepts.set(id, (concept = { reports: 0, words: new Map() }))
    concept.reports++
    for (const word of words) concept.words.set(word, (concept.words.get(word) ?? 0) + 1)
    if (concept.words.size > maxWordsPerConcept) concept.words = new Map(byCount(concept.words).slice(0, maxWordsPerConcept / 2))
  }
}

/**
 * A group in words, for agents: what its reports are about (the subject most of them name), the
 * words they use most, and how many came in how long.
 *
 * @example
 * explainGroup(words, { reports: 12, minutes: 6 }).summary
 * // "12 reports in 6 min about signing in: 'login', 'connexion', 'spins', 'loading'"
 */
export function explainGroup(group: GroupWords, span: { reports: number; minutes: number }, maxQuoted = 4): GroupExplanation {
  const ranked = [...group.concepts]
    .filter(([id]) => !quietConcepts.has(id))
    .sort((a, b) => b[1].reports - a[1].reports || weightOf(b[0]) - weightOf(a[0]) || (a[0] < b[0] ? -1 : 1))
  const subject = ranked.find(([id]) => conceptById.get(id)?.role === 'subject')
  const symptom = ranked.find(([id]) => conceptById.get(id)?.role === 'symptom')
  const lead = subject ?? symptom
  const about = lead ? (conceptById.get(lead[0])?.label ?? lead[0]) : 'the same problem'
  // Half the quoted words say what is broken, half how; the other concepts fill what is left.
  const words: string[] = []
  const take = (entry: (typeof ranked)[number] | undefined, count: number) => {
    for (const [word] of entry ? byCount(entry[1].words) : []) {
      if (words.length >= maxQuoted || count <= 0) return
      if (!words.includes(word)) {
        words.push(word)
        count--
      }
    }
  }
  take(subject, Math.ceil(maxQuoted / 2))
  take(symptom, maxQuoted - words.length)
  for (const entry of ranked) take(entry, maxQuoted - words.length)
  return { about, words, summary: summaryOf(span.reports, span.minutes, about, words) }
}

/** "12 reports in 6 min about signing in: 'login', 'connexion'" (at least 1 min). */
export function summaryOf(reports: number, minutes: number, about: string, words: readonly string[]): string {
  const quoted = words.length === 0 ? '' : `: ${words.map((word) => `'${word}'`).join(', ')}`
  return `${reports} report${reports === 1 ? '' : 's'} in ${Math.max(1, Math.round(minutes))} min about ${about}${quoted}`
}

function byCount(words: ReadonlyMap<string, number>): [string, number][] {
  return [...words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

function weightOf(id: string): number {
  return conceptById.get(id)?.weight ?? 0
}

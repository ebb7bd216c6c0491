import type { DiagnosticAnswer, IncidentKind } from '@triage/protocol'
import { identify } from '../identify.ts'
import { stem } from '../similar/stem.ts'
import { stopWords } from '../similar/stop-words.ts'
import { foldText } from '../text.ts'
import { englishTermOf } from './bilingual-terms.ts'
import type { OutageConcept } from './outage-lexicon.ts'
import { outageConcepts, outageScopePattern } from './outage-lexicon.ts'
import { patternPrefixes } from './pattern-prefixes.ts'

/** What grouping reads of a report. */
export interface SignatureInput {
  /** The symptoms, as the reporter wrote them. */
  text: string
  /** The page the report came from (`context.url`): reports from one route in the same minutes are likely one outage. */
  url?: string | undefined
  /** Diagnostic answers: "everyone" is affected, the whole app is down… */
  answers?: Readonly<Record<string, DiagnosticAnswer>> | undefined
  /** The engine's kind; worked out from the text when absent. */
  kind?: IncidentKind | undefined
}

/**
 * A report as grouping compares it: a sparse vector of weighted features (outage concepts,
 * stemmed terms, the route), of unit length, and whether it may join an outage at all.
 */
export interface ReportSignature {
  /** Feature → weight; `#concept`, `@/route`, or a stemmed term. Unit length. */
  features: ReadonlyMap<string, number>
  /**
   * False for questions, requests and reports that describe nothing broken: they never join a
   * major incident (a billing question during a checkout outage stays apart).
   */
  eligible: boolean
  /** Says what fails ("does not load", "is gone", "error 502"): without it a report is compared at a discount. */
  describesFailure: boolean
  /** How it fails: `down` (does not work), `wrong` (works wrongly), or both. */
  failures: readonly ('down' | 'wrong')[]
  /** Says many people are hit ("everyone", "tout le monde", the impact answer "everyone"). */
  widespread: boolean
  /** The words that matched each concept, as written (folded): what an explanation quotes. */
  cues: ReadonlyMap<string, readonly string[]>
}

/** Words every report uses, which say nothing about which outage it is. */
const genericWords = new Set([
  'app',
  'application',
  'site',
  'website',
  'page',
  'anymore',
  'since',
  'depuis',
  'today',
  'aujourd',
  'hui',
  'hour',
  'minute',
  'second',
  'time',
  'day',
  'week',
  'thing',
  'truc',
  'chose',
  'help',
  'aide',
  'urgent',
  'again',
  'now',
  'just',
  'seem',
  'like',
  'really',
  'even',
  'although',
  'bien',
  'toujours',
  'jamais',
  'rien',
  'nothing',
  'anything',
  'something',
  'any',
  'use',
  'using',
  'try',
  'tried',
  'essay',
  'want',
  'need',
])

const conceptById = new Map(outageConcepts.map((concept) => [concept.id, concept]))
/** Symptoms too common to say by themselves that a report is about an outage. */
const weakSymptoms = new Set(['fails', 'recurring', 'wrong', 'loading'])

// Sticky: tried at one word's start at a time, the ones its opening letters point to.
const conceptPatterns: readonly { concept: OutageConcept; pattern: RegExp }[] = outageConcepts.map((concept) => ({
  concept,
  pattern: new RegExp(`(?:${concept.patterns.join('|')})\\b`, 'y'),
}))

// Which concepts a word's first letters may start: a text is searched only with the patterns its
// words can open (a handful of the lexicon's), which keeps a signature in the microseconds.
const openingLength = 3
const conceptsByOpening = new Map<string, number[]>()
const alwaysTried: number[] = []
for (const [index, concept] of outageConcepts.entries()) {
  const openings = concept.patterns.map((pattern) => patternPrefixes(pattern, openingLength))
  if (openings.some((prefixes) => prefixes === undefined)) {
    alwaysTried.push(index)
    continue
  }
  for (const opening of new Set(openings.flat() as string[])) conceptsByOpening.set(opening, [...(conceptsByOpening.get(opening) ?? []), index])
}

/** Where each concept of the lexicon may start in a folded text: [concept index, position] pairs, by the openings of its words. */
function conceptStarts(folded: string): [number, number][] {
  const starts: [number, number][] = []
  for (let i = 1; i < folded.length; i++) {
    if (folded[i - 1] !== ' ' || folded[i] === ' ') continue
    const seen = new Set<number>(alwaysTried)
    for (const index of alwaysTried) starts.push([index, i])
    for (let length = 1; length <= openingLength; length++) {
      for (const index of conceptsByOpening.get(folded.slice(i, i + length)) ?? []) {
        if (seen.has(index)) continue
        seen.add(index)
        starts.push([index, i])
      }
    }
  }
  return starts
}

/**
 * The concepts a folded text names, with the words that named them. A word that names several
 * concepts ("meetings": calls or the calendar) counts only for those the rest of the text backs:
 * "meetings are gone from the calendar" is about the calendar, "meetings drop after joining"
 * about calls. Two different devices in one report ("on my laptop… on mobile") speak of sync.
 */
function matchConcepts(folded: string): Map<string, string[]> {
  const spans: { id: string; role: string; word: string; start: number; end: number }[] = []
  for (const [index, start] of conceptStarts(folded)) {
    const { concept, pattern } = conceptPatterns[index] as (typeof conceptPatterns)[number]
    pattern.lastIndex = start
    const match = pattern.exec(folded)
    if (match) spans.push({ id: concept.id, role: concept.role, word: match[0].trim(), start, end: start + match[0].length })
  }
  const found = new Map<string, string[]>()
  const conceptsOfWord = new Map<string, string[]>()
  for (const span of spans) {
    // A phrase hides the words inside it that play its part: "text message" is a notification, not a chat message.
    if (
      spans.some(
        (other) => other.id !== span.id && other.role === span.role && other.start <= span.start && other.end >= span.end && other.end - other.start > span.end - span.start,
      )
    )
      continue
    const words = found.get(span.id) ?? []
    if (words.includes(span.word)) continue
    words.push(span.word)
    found.set(span.id, words)
    const key = `${span.role}:${span.word}`
    conceptsOfWord.set(key, [...(conceptsOfWord.get(key) ?? []), span.id])
  }
  // Words compete within a part only: "muted" may be both sound (what) and silence (how).
  const sharers = (id: string, word: string) => conceptsOfWord.get(`${conceptById.get(id)?.role}:${word}`) ?? []
  const backed = (id: string) => (found.get(id) ?? []).some((word) => sharers(id, word).length === 1)
  for (const [id, words] of found) {
    const ambiguous = words.every((word) => sharers(id, word).length > 1)
    if (ambiguous && words.every((word) => sharers(id, word).some((other) => other !== id && backed(other)))) found.delete(id)
  }
  const devices = found.get('device')
  if (devices && devices.length >= 2 && !found.has('sync')) found.set('sync', devices)
  return found
}

// A question by its form: "How do I…", "Where can I…", "Comment faire…", a final "?".
const questionStart =
  /^(?:how|why|what|where|which|when|who|can (?:i|we|you|someone)|could|would|is (?:there|it possible)|are there|do (?:i|you|we)|does|should|comment (?:je|j|on|faire|puis|peut|peux|pouvons|est|sont|ca|\w+(?:er|ir|re))\b|pourquoi|ou (?:est|sont|puis|peut|trouver)|quand|est ce|peut on|puis je|pouvez vous|pourriez vous|quel\w*)\b/
// Asking for something (or thanking, praising) rather than saying what broke: never an outage's report unless it also says what fails.
const requestPhrase =
  /\b(?:please|thanks|thank you|merci|(?:is|are) (?:great|awesome|amazing|brilliant|super)|love (?:the|your|this)|i would (?:like|love)|i d (?:like|love)|we d (?:like|love)|we would (?:like|love)|i wish|it would be|would be (?:nice|great|good|useful)|could be (?:better|improved|nicer|faster|clearer)|i (?:want|need) to (?!log|sign|access|use|see|open|save|pay)|should (?:be|have|support|allow|show|let|use|include|offer)|could you|can you|feature request|needs? (?:access|to be able|a way|an option|permission)|(?:give|grant) (?:me|us|him|her|them) access|je voudrais|je souhaite|j aimerais|nous aimerions|ce serait|serait (?:bien|pratique|utile)|il faudrait|merci de|je veux (?:annuler|changer|resilier|supprimer|passer|ajouter)|devrai(?:t|ent) (?:etre|avoir|permettre|afficher|proposer))\b/
// Negations of an action: "not syncing", "ne s'affichent plus", "n'apparaissent plus", "no longer".
const negatedAction =
  /\b(?:not \w+ing|(?:don t|doesn t|didn t|won t|wouldn t|isn t|aren t|wasn t|weren t|never) \w+|no longer|(?:ne|n) (?:s |se |me |m |l |la |le |les |nous |vous )?\w+ (?:plus|pas|jamais))\b/
const widespreadAnswers: Readonly<Record<string, DiagnosticAnswer>> = {
  impact: 'everyone',
  bug_whole_app_down: true,
  performance_where: 'whole_app',
  connectivity_scope: 'all_devices',
}

/**
 * The signature of a report for grouping.
 *
 * @example
 * const a = reportSignature({ text: 'Login is stuck loading, I cannot sign in' })
 * const b = reportSignature({ text: 'La page de connexion tourne en boucle' })
 * signatureSimilarity(a, b) // > 0.5: both say signing in, and stuck
 */
export function reportSignature(input: SignatureInput): ReportSignature {
  const folded = ` ${foldText(input.text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `
  const raw = new Map<string, number>()
  const cues = matchConcepts(folded)
  let strongSymptoms = 0
  const subjects: string[] = []
  const families = new Set<'down' | 'wrong'>()
  // Without a part of the app named, how it fails says little about which outage it is: "no
  // subtitles" and "no boarding pass" share only "no".
  const symptomScale = [...cues.keys()].some((id) => conceptById.get(id)?.role === 'subject') ? 1 : 0.5
  for (const id of cues.keys()) {
    const concept = conceptById.get(id) as OutageConcept
    raw.set(`#${id}`, concept.role === 'symptom' && !concept.appWide ? concept.weight * symptomScale : concept.weight)
    if (concept.role === 'subject') subjects.push(id)
    if (concept.role === 'symptom' || concept.failure) {
      const family = concept.family === undefined ? 'down' : concept.family
      if (family) families.add(family)
      if (!weakSymptoms.has(id)) strongSymptoms++
    }
  }
  if (negatedAction.test(folded)) families.add('down')
  // What fails and how, together: two reports that share both are more alike than the sum says.
  for (const subject of subjects) for (const family of families) raw.set(`#${subject}~${family}`, (conceptById.get(subject) as OutageConcept).weight)
  for (const word of folded.split(' ')) {
    if (word.length < 2 || stopWords.has(word) || genericWords.has(word)) continue
    const term = stem(word)
    if (genericWords.has(term)) continue
    raw.set(term, 1)
    const english = englishTermOf.get(term)
    if (english !== undefined) raw.set(english, 1)
  }
  const route = routeOf(input.url)
  if (route) raw.set(`@${route}`, 1)

  const question = /\?\s*$/.test(input.text.split('\n', 1)[0]?.trim() ?? '') || questionStart.test(folded.trim())
  // The engine's kind is a weaker signal than the phrase: "Comment box throws an error" is no French question.
  const asks = requestPhrase.test(folded) ? strongSymptoms === 0 : families.size === 0 && (input.kind ?? identify(input.text).value) === 'request'
  const eligible = !question && !asks
  const widespread = outageScopePattern.test(folded) || Object.entries(widespreadAnswers).some(([id, value]) => input.answers?.[id] === value)
  return { features: unitLength(raw), eligible, describesFailure: families.size > 0, failures: [...families], widespread, cues }
}

/**
 * The features of a report's signature that come from its own words and page (stemmed terms, the
 * route), not from the shared outage lexicon (`#concept`): what forgetting the report must remove
 * from anything that learnt from it (GroupingLessons.forget).
 *
 * @example
 * reportTerms({ text: 'Ada Lovelace cannot pay at checkout', url: 'https://shop.example/checkout' }) // ['ada', 'lovelac', …, '@/checkout']
 */
export function reportTerms(input: SignatureInput): string[] {
  return [...reportSignature(input).features.keys()].filter((feature) => !feature.startsWith('#'))
}

/**
 * Cosine similarity (0..1) of two signatures.
 *
 * @example
 * signatureSimilarity(reportSignature({ text: 'Images do not load' }), reportSignature({ text: 'Les images ne s’affichent plus' })) // high
 */
export function signatureSimilarity(a: ReportSignature, b: ReportSignature): number {
  return dot(a.features, b.features)
}

/**
 * A group's profile: its reports' signatures summed, unit length. What a lesson remembers of a
 * group whose reports are no longer in memory.
 */
export function groupProfile(signatures: Iterable<ReportSignature>): Map<string, number> {
  const sum = new Map<string, number>()
  for (const signature of signatures) for (const [feature, weight] of signature.features) sum.set(feature, (sum.get(feature) ?? 0) + weight)
  return unitLength(sum)
}

/** The dot product of two sparse vectors, iterating the smaller one. */
export function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let sum = 0
  for (const [feature, weight] of small) sum += weight * (large.get(feature) ?? 0)
  return sum
}

export function unitLength(features: ReadonlyMap<string, number>): Map<string, number> {
  let norm = 0
  for (const weight of features.values()) norm += weight * weight
  const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm)
  const out = new Map<string, number>()
  for (const [feature, weight] of features) out.set(feature, weight * scale)
  return out
}

/**
 * The route of a page URL, without what changes per record: "/orders/48213/edit" and
 * "/orders/9/edit" are one route; a leading language segment ("/fr/") goes.
 */
export function routeOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  let path: string
  try {
    path = new URL(url, 'https://app.invalid').pathname
  } catch {
    return undefined
  }
  const segments = path
    .toLowerCase()
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => (/\d/.test(segment) || segment.length > 24 ? ':id' : segment))
  if (segments.length > 0 && /^[a-z]{2}(?:-[a-z]{2})?$/.test(segments[0] ?? '')) segments.shift()
  return segments.length === 0 ? undefined : `/${segments.slice(0, 3).join('/')}`
}

import { describe, expect, it } from 'vitest'
import type { CandidateIncident, GroupCandidates, GroupingReport } from './group-candidates.ts'
import { createGroupCandidates } from './group-candidates.ts'
import type { GroupingDecision } from './decide-grouping.ts'
import { createGroupingLessons } from './grouping-lessons.ts'
import { reportSignature } from './report-signature.ts'
import outages from '../../test/fixtures/outages.json' with { type: 'json' }

const minute = 60_000
const start = Date.parse('2026-11-30T10:00:00Z')
const window = { windowMs: 10 * minute }

const signingIn = [
  'Login is stuck loading, I cannot sign in',
  'Sign-in page never finishes loading',
  'Impossible de me connecter, la page de connexion tourne en boucle',
  'The login button just spins forever',
  'Connexion impossible, ça charge sans fin',
  "Can't log in, the spinner keeps going",
]

/**
 * Feeds reports to the candidates as the server does: plan each, and when a decision opens a major
 * incident, write it (here: name it) and fold it and its members back in. Returns each report's parent.
 */
function feed(
  candidates: GroupCandidates,
  reports: readonly (Partial<GroupingReport> & { id: string; text: string })[],
): { parents: Map<string, string>; decisions: GroupingDecision[] } {
  const parents = new Map<string, string>()
  const decisions: GroupingDecision[] = []
  reports.forEach((report, index) => {
    const at = report.createdAt ?? start + index * 5_000
    const decision = candidates.plan({ category: 'bug', createdAt: at, ...report })
    decisions.push(decision)
    if (!decision.group) return
    const parentId = decision.parentId ?? `maj_${decision.clusterIds[0]}`
    if (decision.parentId === null) candidates.update(incident(parentId, { isMajor: true, symptoms: `Major incident: ${decision.summary}`, createdAt: at }), at)
    for (const id of decision.memberIds) {
      parents.set(id, parentId)
      const member = reports.find((other) => other.id === id)
      candidates.update(incident(id, { parentId, symptoms: member?.text ?? '', createdAt: member?.createdAt ?? at }), at)
    }
  })
  return { parents, decisions }
}

function incident(id: string, overrides: Partial<CandidateIncident> = {}): CandidateIncident {
  return { id, symptoms: 'Checkout payment page fails with an error', status: 'new', category: 'bug', parentId: null, isMajor: false, createdAt: start, ...overrides }
}

const texts = (prefix: string, list: readonly string[], from = 0) => list.map((text, i) => ({ id: `${prefix}${i + from}`, text }))

describe('createGroupCandidates', () => {
  it('opens one major incident for an outage told in English and French, and later reports join it', () => {
    const candidates = createGroupCandidates(window)
    const { parents, decisions } = feed(candidates, texts('r', signingIn))
    expect(decisions.slice(0, 4).every((decision) => !decision.group)).toBe(true)
    const opened = decisions[4]
    expect(opened).toMatchObject({ group: true, parentId: null, memberIds: ['r0', 'r1', 'r2', 'r3', 'r4'] })
    expect(opened?.group && opened.summary).toMatch(/^5 reports in 1 min about signing in: /)
    expect(parents.get('r2')).toBe('maj_r0')
    expect(decisions[5]).toMatchObject({ group: true, parentId: 'maj_r0', memberIds: ['r5'] })
  })

  it('groups a burst whose reports the engine files under two categories', () => {
    const candidates = createGroupCandidates(window)
    const categories = ['access', 'performance', 'access', 'performance', 'performance']
    const { parents } = feed(
      candidates,
      texts('r', signingIn.slice(0, 5)).map((report, i) => ({ ...report, category: categories[i] as string })),
    )
    expect(new Set([...parents.values()])).toEqual(new Set(['maj_r0']))
    expect(parents.size).toBe(5)
  })

  it('keeps two outages of one burst apart, and background reports out of both', () => {
    const candidates = createGroupCandidates(window)
    const images = [
      'Images don’t load anywhere',
      'Les images ne s’affichent plus',
      'All pictures show as broken icons',
      'Profile photos and thumbnails are missing',
      'No images load, just grey squares',
    ]
    const background = [
      'How do I change my password?',
      'Please add a dark mode',
      'I was charged twice this month?',
      'Je voudrais passer à l’offre annuelle',
      'The logo on the homepage looks blurry',
    ]
    const reports = [...texts('login', signingIn.slice(0, 5)), ...texts('image', images), ...texts('bg', background)]
    // Interleaved, as an outage's reports arrive among everything else.
    const interleaved = reports
      .map((report, i) => ({ report, key: (i % 5) * 10 + Math.floor(i / 5) }))
      .sort((a, b) => a.key - b.key)
      .map(({ report }) => report)
    const { parents } = feed(candidates, interleaved)
    const loginParents = new Set(texts('login', signingIn.slice(0, 5)).map((report) => parents.get(report.id)))
    const imageParents = new Set(texts('image', images).map((report) => parents.get(report.id)))
    expect(loginParents.size).toBe(1)
    expect(imageParents.size).toBe(1)
    expect([...loginParents][0]).not.toBe([...imageParents][0])
    expect(texts('bg', background).map((report) => parents.get(report.id))).toEqual([undefined, undefined, undefined, undefined, undefined])
  })

  it('never groups questions, feature requests or billing questions, whatever they share with an outage', () => {
    const candidates = createGroupCandidates(window)
    const { parents } = feed(candidates, texts('r', signingIn.slice(0, 5)))
    expect(parents.size).toBe(5)
    for (const text of [
      'How do I reset my login password?',
      'Could you add a remember-me option to the login page?',
      'Why was my card charged twice at checkout?',
      'Comment changer mon mot de passe de connexion ?',
    ]) {
      expect(candidates.plan({ id: `q_${text.length}`, text, createdAt: start + minute, category: 'access' })).toMatchObject({
        group: false,
        reason: 'a question, a request or nothing broken: never grouped into an outage',
      })
    }
  })

  it('groups each outage of a burst in its own major incident, in any order, and leaves the background alone', () => {
    const reports = [
      ...outages.scenarios.flatMap((scenario, s) => scenario.map((text, i) => ({ id: `s${s}_${i}`, text, outage: `s${s}` }))),
      ...outages.background.map((text, i) => ({ id: `bg${i}`, text, outage: undefined })),
    ]
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
    // A different interleaving each time: strides through the list that visit every report once.
    const strides = [3, 5, 7, 11, 13, 17].filter((stride) => gcd(stride, reports.length) === 1).slice(0, 4)
    for (const [order, stride] of strides.entries()) {
      const sequence = reports.map((_, i) => reports[(i * stride) % reports.length] as (typeof reports)[number])
      expect(new Set(sequence.map((report) => report.id)).size).toBe(reports.length)
      const { parents } = feed(createGroupCandidates(window), sequence)
      for (const [s] of outages.scenarios.entries()) {
        const ids = reports.filter((report) => report.outage === `s${s}`).map((report) => parents.get(report.id))
        expect(new Set(ids).size, `outage ${s}, order ${order}`).toBe(1)
        expect(ids[0]).toBeDefined()
      }
      expect(reports.filter((report) => report.outage === undefined && parents.has(report.id))).toEqual([])
    }
  })

  it('does not group reports of one outage spread over more than the window', () => {
    const candidates = createGroupCandidates(window)
    const { parents } = feed(
      candidates,
      texts('r', signingIn.slice(0, 5)).map((report, i) => ({ ...report, createdAt: start + i * 3 * minute })),
    )
    expect(parents.size).toBe(0)
  })

  it('counts a report exactly the window old and not one a millisecond older', () => {
    const at = (ago: number) => start + 10 * minute - ago
    const reports = texts('r', signingIn.slice(0, 4))
    const within = createGroupCandidates(window)
    feed(
      within,
      reports.map((report, i) => ({ ...report, createdAt: i === 0 ? at(10 * minute) : at(minute) })),
    )
    expect(within.plan({ id: 'new', text: signingIn[4] as string, createdAt: at(0), category: 'bug' }).group).toBe(true)
    const outside = createGroupCandidates(window)
    feed(
      outside,
      reports.map((report, i) => ({ ...report, createdAt: i === 0 ? at(10 * minute + 1) : at(minute) })),
    )
    expect(outside.plan({ id: 'new', text: signingIn[4] as string, createdAt: at(0), category: 'bug' }).group).toBe(false)
  })

  it('follows its options', () => {
    const fewer = createGroupCandidates({ ...window, minReports: 3 })
    expect(feed(fewer, texts('r', signingIn.slice(0, 3))).parents.size).toBe(3)
    const strict = createGroupCandidates({ ...window, minSimilarity: 0.99 })
    expect(feed(strict, texts('r', signingIn)).parents.size).toBe(0)
  })

  it('takes a sudden rise of reports as evidence: a bursting cluster takes its like more readily', () => {
    const options = { ...window, minSimilarity: 0.99, burstBonus: 0.4 }
    const same = 'Login is stuck loading, I cannot sign in'
    const like = (gap: number) => {
      const candidates = createGroupCandidates(options)
      feed(
        candidates,
        [0, 1, 2].map((i) => ({ id: `r${i}`, text: same, createdAt: start + i * gap })),
      )
      return candidates.plan({ id: 'like', text: 'Sign-in page never finishes loading', createdAt: start + 2 * gap + 10_000, category: 'access' })
    }
    expect(like(20_000)).toMatchObject({ group: false, similarIds: ['r0', 'r1', 'r2'] })
    expect(like(4 * minute)).toMatchObject({ group: false, similarIds: [] })
  })

  it('does not group different problems because they come from one page with everyone hit', () => {
    const onePage = [
      'The price filter is ignored',
      'Mon adresse de livraison est fausse',
      'Shipping options are missing',
      'Coupon field rejects valid codes',
      'Les images produits sont floues',
    ]
    const reports = onePage.map((text, i) => ({ id: `p${i}`, text, url: 'https://shop.example/checkout', answers: { impact: 'everyone' } }))
    expect(feed(createGroupCandidates(window), reports).parents.size).toBe(0)
  })

  it('drops reports once resolved or closed, and once they leave the window', () => {
    const candidates = createGroupCandidates(window)
    feed(candidates, texts('r', signingIn.slice(0, 3)))
    expect(candidates.size).toBe(1)
    candidates.update(incident('r0', { symptoms: signingIn[0] as string, status: 'resolved' }), start + minute)
    candidates.remove('r1')
    expect(candidates.plan({ id: 'new', text: signingIn[3] as string, createdAt: start + minute, category: 'bug' })).toMatchObject({ group: false, similarIds: ['r2'] })
    candidates.prune(start + 12 * minute)
    expect(candidates.size).toBe(0)
    // An old report read again (e.g. after a restart) never comes back as a candidate.
    candidates.update(incident('old', { symptoms: signingIn[0] as string, createdAt: start }), start + 12 * minute)
    expect(candidates.size).toBe(0)
  })

  it('keeps a long outage’s profile bounded, and its new reports still join it', () => {
    const candidates = createGroupCandidates({ ...window, profileReports: 3 })
    candidates.update(incident('major', { isMajor: true, symptoms: 'Major incident: 5 reports in 1 min about signing in', createdAt: start }), start)
    for (let i = 0; i < 100; i++)
      candidates.update(incident(`m${i}`, { parentId: 'major', symptoms: `${signingIn[i % signingIn.length]} (${i})`, createdAt: start + i }), start + i)
    expect(candidates.size).toBe(1)
    expect(candidates.explain('major', start + minute)?.summary).toMatch(/^100 reports in 1 min about signing in/)
    expect(candidates.plan({ id: 'new', text: 'Cannot sign in, the login page spins', createdAt: start + minute, category: 'bug' })).toMatchObject({
      group: true,
      parentId: 'major',
      memberIds: ['new'],
    })
  })

  it('counts a member read again from storage once', () => {
    const candidates = createGroupCandidates(window)
    candidates.update(incident('major', { isMajor: true, symptoms: 'Major incident about signing in', createdAt: start }), start)
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < 80; i++) candidates.update(incident(`m${i}`, { parentId: 'major', symptoms: signingIn[i % 6] as string, createdAt: start + i }), start + i)
    expect(candidates.explain('major', start + minute)?.summary).toMatch(/^80 reports/)
  })

  it('joins a major incident met before any of its members, by its own words', () => {
    const candidates = createGroupCandidates(window)
    candidates.update(
      incident('major', {
        isMajor: true,
        symptoms: "Major incident: 6 reports in 2 min about signing in: 'login', 'connexion', 'spins', 'loading'. Like INC-000001: Login is stuck loading",
        createdAt: start,
      }),
      start,
    )
    expect(candidates.plan({ id: 'new', text: 'Je ne peux plus me connecter, ça tourne en boucle', createdAt: start + minute, category: 'access' })).toMatchObject({
      group: true,
      parentId: 'major',
      memberIds: ['new'],
    })
    expect(candidates.plan({ id: 'other', text: 'The invoice PDF is empty', createdAt: start + minute, category: 'billing' }).group).toBe(false)
  })

  it('moves a report out of its major incident when storage says an agent split it, and merges two major incidents', () => {
    const candidates = createGroupCandidates(window)
    feed(candidates, texts('r', signingIn.slice(0, 5)))
    candidates.update(incident('r3', { symptoms: signingIn[3] as string, parentId: null, createdAt: start + 15_000 }), start + minute)
    expect(candidates.explain('maj_r0', start + minute)?.summary).toMatch(/^4 reports/)
    candidates.update(incident('maj_b', { isMajor: true, symptoms: 'Major incident about signing in', createdAt: start }), start)
    candidates.update(incident('m_b', { parentId: 'maj_b', symptoms: 'Login page spins', createdAt: start }), start)
    candidates.update(incident('maj_b', { isMajor: true, parentId: 'maj_r0', status: 'resolved', symptoms: 'Major incident about signing in', createdAt: start }), start + minute)
    expect(candidates.explain('maj_b', start + minute)).toBeUndefined()
    expect(candidates.explain('maj_r0', start + minute)?.summary).toMatch(/^5 reports/)
  })
})

describe('lessons from agents', () => {
  const calls = [
    'Video calls drop after a few seconds',
    'The video call keeps cutting out',
    'Les appels vidéo coupent au bout de quelques secondes',
    'Meetings disconnect right after joining',
    'Video conference fails for all of us',
  ]

  it('keeps a report like one an agent split out of a group like that one apart', () => {
    const before = createGroupCandidates(window)
    feed(before, texts('c', calls))
    const stray = 'The onboarding video drops after a few seconds'
    expect(before.plan({ id: 'stray', text: stray, createdAt: start + minute, category: 'bug' })).toMatchObject({ group: true, parentId: 'maj_c0' })

    // The agent's split: the report leaves the group, which is then what it was split from.
    before.update(incident('stray', { symptoms: stray, parentId: null, createdAt: start + minute }), start + minute)
    const lessons = createGroupingLessons()
    lessons.learnApart(reportSignature({ text: stray }).features, before.profile('maj_c0') as ReadonlyMap<string, number>, start)
    const after = createGroupCandidates(window)
    after.teach(lessons)
    feed(after, texts('c', calls))
    const stray2 = { id: 'stray2', text: 'The onboarding tour video drops after a few seconds', createdAt: start + minute, category: 'bug' }
    const untaught = createGroupCandidates(window)
    feed(untaught, texts('c', calls))
    expect(untaught.plan(stray2)).toMatchObject({ group: true, parentId: 'maj_c0' })
    expect(after.plan(stray2).group).toBe(false)
    expect(after.plan({ id: 'call', text: 'My video call dropped again', createdAt: start + minute, category: 'bug' })).toMatchObject({ group: true, parentId: 'maj_c0' })
  })

  it('groups the two ways of telling an outage an agent merged, the next time it happens', () => {
    // One outage of the planning view, told two ways that share no word the lexicon knows.
    const gantt = texts('g', ['The Gantt view is empty', 'The Gantt view shows nothing', 'Gantt view empty for everyone'])
    const timeline = texts('t', ['Timeline does not render', 'The timeline will not render', 'Timeline not rendering'])
    const before = createGroupCandidates({ ...window, minReports: 3 })
    const majors = [...new Set(feed(before, [...gantt, ...timeline]).parents.values())]
    expect(majors).toHaveLength(2)

    const lessons = createGroupingLessons()
    lessons.learnTogether(before.profile(majors[0] as string) as ReadonlyMap<string, number>, before.profile(majors[1] as string) as ReadonlyMap<string, number>, start)
    const after = createGroupCandidates({ ...window, minReports: 3 })
    after.teach(lessons)
    const interleaved = [gantt[0], timeline[0], gantt[1], timeline[1], gantt[2], timeline[2]] as { id: string; text: string }[]
    const later = feed(
      after,
      interleaved.map((report, i) => ({ ...report, createdAt: start + 3 * 60 * minute + i * 5_000 })),
    )
    expect(later.parents.size).toBe(6)
    expect(new Set(later.parents.values()).size).toBe(1)
  })
})

/**
 * Zod schemas for every request and response on the wire. The server validates with them and
 * generates its OpenAPI document from them. Browser code never imports this module (only the
 * types from `index.ts`), so no validation library reaches a bundle.
 *
 * Each schema is checked against its hand-written type with `satisfies`, so the two cannot drift.
 */
import { z } from 'zod'
import type { DurationStats, Metrics, MetricsGroup, SlaStats } from './metrics.ts'
import type { DiagnosticQuestion, DiagnosticsResult, SimilarResolution } from './diagnostics.ts'
import type {
  ApiKeyCreate,
  ApiKeyCreated,
  ApiKeyInfo,
  AppSettings,
  AppSettingsPatch,
  BusinessHoursSetting,
  SlaTargetSetting,
  Webhook,
  WebhookCreate,
  WebhookCreated,
  WebhookDelivery,
} from './admin.ts'
import type {
  AgentMessageCreate,
  EscalateRequest,
  IncidentListQuery,
  IncidentPatch,
  MergeRequest,
  ReasonRequest,
  ReporterMessageCreate,
  ResolveRequest,
  SplitRequest,
} from './actions.ts'
import type { AnswerDetail, BreachRecord, IncidentList, IncidentSummary, Incident, IncidentEvent, MajorIncidentGroup, Reasoning, SimilarIncident, SlaClock } from './incident.ts'
import type { Notice, NoticeList } from './notice.ts'
import type { Agent, AgentInvitation, AgentInvite, AgentList, AgentPatch, AgentSession, ColleagueList, InvitationAccept, InvitationInfo, SignInRequest } from './agents.ts'
import type { BulkAction, BulkResult, ChildIncidentList, DeflectionCreate, DeflectionCreated, IncidentCounts, IncidentPresence, MetricsSeries, PresenceUpdate } from './console.ts'
import { queueViews } from './console.ts'
import type { Attachment, AttachmentCreated } from './attachment.ts'
import { attachmentContentTypes } from './attachment.ts'
import { limits } from './limits.ts'
import type { Problem } from './problem.ts'
import { problemCodes } from './problem.ts'
import type { Breadcrumb, ReportContact, ReportContext, ReportCreate, ReportCreated, ReportEvent, ReportList, ReportView } from './report.ts'
import { breachChecklistItems, categorySources, eventTypes, incidentKinds, incidentStatuses, levels, messageVisibilities, priorities, tiers } from './vocabulary.ts'

/** JSON types in the words of an error message. */
const kindWords: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list' }

const jsonKind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : (kindWords[typeof value] ?? typeof value))

// Zod's fallback messages ("Invalid input: expected string, received undefined") make a developer
// decode them; these say what to send. The field-specific messages below still win over them.
z.config({
  customError(issue) {
    if (issue.code !== 'invalid_type') return undefined
    if (issue.input === undefined) return 'is required'
    return `must be ${kindWords[issue.expected] ?? issue.expected}, not ${jsonKind(issue.input)}`
  },
})

const isoDate = z.iso.datetime({ offset: true })
const shortText = (max: number) => z.string().trim().max(max)

/**
 * Text that must say something: trimmed, at most `max` characters, not blank. The `\S` pattern
 * is how the OpenAPI document says "not blank", so a client reading it knows "   " is refused.
 */
const filledText = (max: number, error = 'must not be blank') => z.string().trim().min(1, { error }).max(max).regex(/\S/, { error })

/** An e-mail address as browsers check `<input type="email">` (HTML's own pattern), stated in the document. */
const emailPattern = z.regexes.html5Email

export const diagnosticAnswerSchema = z.union([z.string().max(limits.answerTextChars), z.number().finite(), z.boolean()])

export const reportContactSchema = z
  .strictObject({
    name: shortText(limits.nameChars).optional(),
    email: z.email({ pattern: emailPattern, error: 'must be an e-mail address like ada@example.com' }).max(limits.emailChars).meta({ pattern: emailPattern.source }).optional(),
  })
  .meta({ id: 'ReportContact' }) satisfies z.ZodType<ReportContact>

export const breadcrumbSchema = z.strictObject({
  at: isoDate,
  type: z.enum(['navigation', 'click', 'console', 'http', 'error']),
  message: z.string().max(2_000),
  level: z.enum(['info', 'warning', 'error']).optional(),
  data: z.record(z.string().max(64), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()])).optional(),
}) satisfies z.ZodType<Breadcrumb>

export const reportContextSchema = z
  .looseObject({
    url: z.string().max(limits.contextUrlChars).optional(),
    referrer: z.string().max(limits.contextUrlChars).optional(),
    userAgent: z.string().max(limits.userAgentChars).optional(),
    locale: z.string().max(limits.localeChars).optional(),
    timeZone: z.string().max(limits.contextLabelChars).optional(),
    viewport: z.strictObject({ width: z.number().int().nonnegative(), height: z.number().int().nonnegative() }).optional(),
    appVersion: z.string().max(limits.contextLabelChars).optional(),
    environment: z.string().max(limits.contextLabelChars).optional(),
    breadcrumbs: z.array(breadcrumbSchema).max(limits.breadcrumbs).optional(),
  })
  .meta({ id: 'ReportContext' }) satisfies z.ZodType<ReportContext>

export const reportCreateSchema = z
  .strictObject({
    symptoms: z
      .string({ error: 'is required: describe what is happening' })
      .trim()
      .min(1, { error: 'must not be empty: describe what is happening' })
      .max(limits.symptomsChars)
      .regex(/\S/, { error: 'must not be empty: describe what is happening' }),
    answers: z
      .record(z.string().min(1).max(limits.answerIdChars), diagnosticAnswerSchema)
      .refine((answers) => Object.keys(answers).length <= limits.answerCount, {
        error: `at most ${limits.answerCount} answers`,
      })
      .meta({
        maxProperties: limits.answerCount,
        description:
          'Answers to the guided questions of GET /v1/diagnostics, by question id. An answer to one of those questions must be one of its options; answers to questions of your own are kept as they are.',
      })
      .optional(),
    contact: reportContactSchema.optional(),
    context: reportContextSchema.optional(),
    category: z.string().min(1).max(64).optional(),
    notice: z.string().min(1).max(64).meta({ description: 'The id of one of the known problems of GET /v1/notices: "me too". Any other value answers 422.' }).optional(),
  })
  .meta({ id: 'ReportCreate' }) satisfies z.ZodType<ReportCreate>

const status = z.enum(incidentStatuses)
const priority = z.enum(priorities)
const tier = z.enum(tiers)
const level = z.enum(levels)
const kind = z.enum(incidentKinds)

export const attachmentCreatedSchema = z
  .object({
    id: z.string().meta({ example: 'att_01jf3k8q2w9x7v6t5r4e3d2c1b' }),
    name: z.string().meta({ example: 'screenshot.png' }),
    contentType: z.enum(attachmentContentTypes),
    size: z.number().int().nonnegative().meta({ example: 48213 }),
  })
  .meta({ id: 'AttachmentCreated' }) satisfies z.ZodType<AttachmentCreated>

export const attachmentSchema = attachmentCreatedSchema.extend({ createdAt: isoDate }).meta({ id: 'Attachment' }) satisfies z.ZodType<Attachment>

export const reportCreatedSchema = z
  .object({
    id: z.string(),
    number: z.string().meta({ example: 'INC-000123' }),
    reporterToken: z.string(),
    status,
    category: z.string(),
    priority,
    createdAt: isoDate,
    summary: z.string().meta({ example: 'The invoice export button does nothing' }),
    emailUpdates: z.boolean(),
    attachments: z.array(attachmentCreatedSchema).optional().meta({ description: 'The files sent with the report (multipart/form-data only).' }),
  })
  .meta({ id: 'ReportCreated' }) satisfies z.ZodType<ReportCreated>

export const reportListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        status,
        category: z.string(),
        priority,
        reporterToken: z.string(),
        summary: z.string(),
        emailUpdates: z.boolean(),
        createdAt: isoDate,
        updatedAt: isoDate,
      }),
    ),
  })
  .meta({ id: 'ReportList' }) satisfies z.ZodType<ReportList>

export const reportEventSchema = z.object({
  type: z.enum(eventTypes),
  at: isoDate,
  status: status.optional(),
  body: z.string().optional(),
  author: z.enum(['agent', 'reporter']).optional(),
}) satisfies z.ZodType<ReportEvent>

export const reportViewSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    status,
    category: z.string(),
    priority,
    tier,
    slaPromise: z.string().nullable().meta({ example: 'we answer within 3 hours' }),
    summary: z.string(),
    emailUpdates: z.boolean(),
    createdAt: isoDate,
    updatedAt: isoDate,
    timeline: z.array(reportEventSchema),
    timelineLength: z.number().int(),
    attachments: z
      .array(attachmentCreatedSchema.pick({ name: true, contentType: true, size: true }))
      .optional()
      .meta({ description: 'The files the reporter sent, oldest first (absent when there are none). Only agents download them.' }),
  })
  .meta({ id: 'ReportView' }) satisfies z.ZodType<ReportView>

export const incidentEventSchema = z.object({
  id: z.string(),
  type: z.enum(eventTypes),
  at: isoDate,
  actor: z.string(),
  visibility: z.enum(messageVisibilities),
  data: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<IncidentEvent>

export const reasoningSchema = z.object({
  kind: z.object({ value: kind, confidence: z.number(), reasons: z.array(z.string()) }),
  category: z.object({ value: z.string(), confidence: z.number(), reasons: z.array(z.string()), guess: z.object({ value: z.string(), confidence: z.number() }).optional() }),
  priority: z.object({ value: priority, impact: level, urgency: level, reasons: z.array(z.string()) }),
  tier: z.object({ value: tier, reasons: z.array(z.string()) }),
  breach: z.object({ notifyBy: isoDate, reasons: z.array(z.string()), checklist: z.array(z.object({ en: z.string(), fr: z.string() })) }).optional(),
}) satisfies z.ZodType<Reasoning>

export const slaClockSchema = z.object({
  dueAt: isoDate.nullable(),
  metAt: isoDate.nullable(),
  state: z.enum(['running', 'at_risk', 'breached', 'met', 'missed']),
}) satisfies z.ZodType<SlaClock>

export const incidentSummarySchema = z
  .object({
    id: z.string(),
    number: z.string(),
    kind,
    status,
    category: z.string(),
    categoryLabel: z.string().meta({ example: 'Access and sign-in' }),
    categoryConfidence: z.number(),
    categorySource: z.enum(categorySources),
    impact: level,
    urgency: level,
    priority,
    tier,
    assignee: z.string().nullable(),
    symptoms: z.string(),
    answers: z.record(z.string(), diagnosticAnswerSchema),
    contact: reportContactSchema,
    context: reportContextSchema,
    reasoning: reasoningSchema,
    parentId: z.string().nullable(),
    isMajor: z.boolean(),
    publicTitle: z.string().nullable(),
    resolution: z.string().nullable(),
    publicNote: z.string().nullable(),
    sla: z.object({ firstResponse: slaClockSchema, resolution: slaClockSchema }),
    createdAt: isoDate,
    updatedAt: isoDate,
    resolvedAt: isoDate.nullable(),
    closedAt: isoDate.nullable(),
    erasedAt: isoDate
      .optional()
      .meta({ description: "Set once the reporter's personal data was erased (their request or the app's retention); the erased fields read `[erased]`." }),
  })
  .meta({ id: 'IncidentSummary' }) satisfies z.ZodType<IncidentSummary>

export const similarIncidentSchema = z.object({
  id: z.string(),
  number: z.string(),
  score: z.number(),
  status: z.enum(incidentStatuses),
  resolution: z.string().nullable(),
  publicNote: z.string().nullable(),
}) satisfies z.ZodType<SimilarIncident>

export const majorIncidentGroupSchema = z
  .object({
    reports: z.number().int(),
    firstReportAt: isoDate.nullable(),
    lastReportAt: isoDate.nullable(),
    about: z.string(),
    words: z.array(z.string()),
    summary: z.string(),
  })
  .meta({ id: 'MajorIncidentGroup' }) satisfies z.ZodType<MajorIncidentGroup>

export const answerDetailSchema = z.object({
  questionId: z.string(),
  question: z.string(),
  value: diagnosticAnswerSchema,
  answer: z.string(),
}) satisfies z.ZodType<AnswerDetail>

export const breachRecordSchema = z
  .object({
    notifyBy: isoDate.meta({ description: 'Notify the supervisory authority by then: 72 hours after the report (GDPR art. 33).' }),
    state: z.enum(['open', 'overdue', 'notified', 'notified_late']),
    checklist: z.array(z.object({ item: z.enum(breachChecklistItems), label: z.string(), done: z.boolean(), by: z.string().nullable(), at: isoDate.nullable() })),
  })
  .meta({ id: 'BreachRecord' }) satisfies z.ZodType<BreachRecord>

export const incidentSchema = incidentSummarySchema
  .extend({
    timeline: z.array(incidentEventSchema),
    similar: z.array(similarIncidentSchema),
    answerDetails: z.array(answerDetailSchema),
    affected: z.number().int().nullable(),
    group: majorIncidentGroupSchema.optional(),
    attachments: z.array(attachmentSchema),
    breach: breachRecordSchema
      .optional()
      .meta({ description: 'For a suspected personal-data breach: the 72-hour deadline and the checklist (tick it with POST /v1/incidents/{id}/breach).' }),
  })
  .meta({ id: 'Incident' }) satisfies z.ZodType<Incident>

export const incidentListSchema = z
  .object({ items: z.array(incidentSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'IncidentList' }) satisfies z.ZodType<IncidentList>

export const incidentListQuerySchema = z.strictObject({
  view: z.enum(queueViews).optional(),
  status: status.optional(),
  kind: kind.optional(),
  category: z.string().min(1).max(64).optional(),
  priority: priority.optional(),
  tier: tier.optional(),
  assignee: z.string().min(1).max(200).optional(),
  sla: z.enum(['at_risk', 'breached']).optional(),
  q: filledText(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['-created', 'created', 'priority', 'due']).default('-created'),
  cursor: z
    .string()
    .max(400)
    .meta({ description: 'Opaque: the `nextCursor` of the previous page, as it is, with the same filters and sort. Any other value answers 400.' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(limits.listLimitMax).default(limits.listLimitDefault),
}) satisfies z.ZodType<IncidentListQuery>

const messageBody = z
  .string({ error: 'is required: write the message' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(limits.messageChars)
  .regex(/\S/, { error: 'must not be empty' })

export const agentMessageCreateSchema = z
  .strictObject({
    body: messageBody,
    visibility: z.enum(messageVisibilities, { error: 'must be "public" (the reporter reads it) or "internal" (agents only)' }),
    awaitReporter: z.boolean().optional(),
    toAffected: z.boolean().optional(),
  })
  .refine((message) => !message.toAffected || message.visibility === 'public', {
    error: 'is for public messages only: an update to every affected reporter is public',
    path: ['toAffected'],
  })
  .meta({ id: 'AgentMessageCreate' }) satisfies z.ZodType<AgentMessageCreate>

export const reporterMessageCreateSchema = z.strictObject({ body: messageBody }).meta({ id: 'ReporterMessageCreate' }) satisfies z.ZodType<ReporterMessageCreate>

export const escalateRequestSchema = z
  .strictObject({
    tier: z.enum(['L2', 'L3'], { error: 'must be "L2" or "L3"' }),
    reason: filledText(limits.messageChars, 'must say why'),
  })
  .meta({ id: 'EscalateRequest' }) satisfies z.ZodType<EscalateRequest>

export const resolveRequestSchema = z
  .strictObject({
    resolution: filledText(limits.messageChars, 'must say what fixed it'),
    publicNote: filledText(limits.messageChars).optional(),
  })
  .meta({ id: 'ResolveRequest' }) satisfies z.ZodType<ResolveRequest>

export const reasonRequestSchema = z.strictObject({ reason: filledText(limits.messageChars).optional() }).meta({ id: 'ReasonRequest' }) satisfies z.ZodType<ReasonRequest>

export const splitRequestSchema = z
  .strictObject({ reason: filledText(limits.messageChars, 'must not be empty; leave it out to give no reason').optional() })
  .meta({ id: 'SplitRequest' }) satisfies z.ZodType<SplitRequest>

export const mergeRequestSchema = z
  .strictObject({
    from: z
      .string({ error: 'is required: the id of the major incident to merge into this one' })
      .trim()
      .min(1, { error: 'must be a major incident id' })
      .max(64)
      .regex(/\S/, { error: 'must be a major incident id' }),
    reason: filledText(limits.messageChars, 'must not be empty; leave it out to give no reason').optional(),
  })
  .meta({ id: 'MergeRequest' }) satisfies z.ZodType<MergeRequest>

export const incidentPatchSchema = z
  .strictObject({
    kind: kind.optional(),
    category: z.string().min(1).max(64).optional(),
    impact: level.optional(),
    urgency: level.optional(),
    assignee: filledText(200).nullable().optional(),
    publicTitle: filledText(200)
      .nullable()
      .meta({ description: 'What every visitor reads about a known problem (GET /v1/notices): for major incidents only; on another incident it answers 422.' })
      .optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { error: 'must change at least one of kind, category, impact, urgency, assignee, publicTitle' })
  .meta({ minProperties: 1 })
  .meta({ id: 'IncidentPatch' }) satisfies z.ZodType<IncidentPatch>

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(problemCodes),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    allowed: z.array(z.string()).optional(),
    retryAfter: z.number().int().optional(),
  })
  .meta({ id: 'Problem' }) satisfies z.ZodType<Problem>

// Host names in ASCII, labels without `--` (so no punycode `xn--`, which may not parse), the last one
// starting with a letter; or a dotted IPv4 address. Written without lookaheads, so tools can read it.
const hostLabel = '[a-z0-9]+(?:-[a-z0-9]+)*'
const host = `(?:(?:${hostLabel}\\.)*[a-z][a-z0-9]*(?:-[a-z0-9]+)*|(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d))`
const port = '(?::(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d\\d|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3}))?'

/** An origin as browsers send it; written with a default port (`:443`), it is kept without. */
const origin = z
  .string()
  .max(200)
  .regex(new RegExp(`^https?://${host}${port}$`), { error: 'must be an origin like https://shop.example (scheme, lowercase host and port only)' })
  .transform((value) => new URL(value).origin)

const role = z.enum(['l1', 'l2', 'l3', 'admin'])

const slaTargetSchema = z.strictObject({
  firstResponseMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 90),
  resolutionMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 365),
}) satisfies z.ZodType<SlaTargetSetting>

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00')
/** The IANA time zones this runtime knows, by name: the document lists them. */
const timeZones = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])] as [string, ...string[]]

const businessHoursOf = (timeZone: z.ZodType<string>) =>
  z.strictObject({
    timeZone,
    week: z
      .strictObject(
        Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [
            day,
            z
              .tuple([clockTime, clockTime])
              .refine(([open, close]) => open < close, { error: 'must open before it closes' })
              .meta({ description: 'Opening and closing time, the opening first.' })
              .optional(),
          ]),
        ),
      )
      .refine((week) => Object.values(week).some(Boolean), { error: 'must open on at least one day' })
      .meta({ minProperties: 1 }),
    holidays: z.array(z.iso.date()).max(400).optional(),
  }) satisfies z.ZodType<BusinessHoursSetting>

const businessHoursSchema = businessHoursOf(z.string())
const businessHoursInputSchema = businessHoursOf(z.enum(timeZones, { error: 'must be an IANA time zone like Europe/Paris' }))

const priorityTargets = z.object({ P1: slaTargetSchema, P2: slaTargetSchema, P3: slaTargetSchema, P4: slaTargetSchema })

export const appSettingsSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    allowedOrigins: z.array(z.string()),
    slaPolicy: priorityTargets,
    businessHours: businessHoursSchema.nullable(),
    identitySecret: z.string(),
    retentionDays: z.number().int().nullable().meta({ description: 'Closed incidents are anonymized this many days after they closed; null: kept forever.' }),
  })
  .meta({ id: 'AppSettings' }) satisfies z.ZodType<AppSettings>

export const appSettingsPatchSchema = z
  .strictObject({
    name: filledText(200).optional(),
    allowedOrigins: z.array(origin).max(50).optional(),
    slaPolicy: priorityTargets.partial().strict().optional(),
    businessHours: businessHoursInputSchema.nullable().optional(),
    retentionDays: z
      .number()
      .int({ error: 'must be a whole number of days' })
      .min(1, { error: 'must be at least 1 day (null turns retention off)' })
      .max(3650, { error: 'must be at most 3650 days (10 years; null turns retention off)' })
      .nullable()
      .meta({ description: 'Anonymize closed incidents this many days after they closed (see docs/privacy.md); null turns it off.' })
      .optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { error: 'must change name, allowedOrigins, slaPolicy, businessHours or retentionDays' })
  .meta({ minProperties: 1 })
  .meta({ id: 'AppSettingsPatch' }) satisfies z.ZodType<AppSettingsPatch>

export const apiKeyInfoSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['publishable', 'secret']),
    role: role.nullable(),
    name: z.string(),
    display: z.string(),
    createdAt: isoDate,
    revokedAt: isoDate.nullable(),
  })
  .meta({ id: 'ApiKeyInfo' }) satisfies z.ZodType<ApiKeyInfo>

const keyName = filledText(200)

// A union the document can state: a secret key needs a role, a publishable key takes none.
export const apiKeyCreateSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('publishable'), name: keyName }),
    z.strictObject({ kind: z.literal('secret'), role: role.meta({ description: 'What the key may see and do: l1, l2, l3 (their tier and below) or admin.' }), name: keyName }),
  ])
  .meta({ id: 'ApiKeyCreate' }) satisfies z.ZodType<ApiKeyCreate>

export const apiKeyCreatedSchema = apiKeyInfoSchema.extend({ key: z.string() }).meta({ id: 'ApiKeyCreated' }) satisfies z.ZodType<ApiKeyCreated>

export const webhookCreateSchema = z
  .strictObject({
    url: z
      .string()
      .max(2_048)
      .regex(new RegExp(`^(?:https://${host}|http://(?:localhost|127\\.0\\.0\\.1|\\[::1\\]))${port}(?:[/?#]\\S*)?$`), {
        error: 'must be an https:// URL (http:// only to localhost, for development; private addresses need TRIAGE_WEBHOOK_PRIVATE_NETWORKS=allow)',
      }),
    events: z
      .array(z.string().regex(/^incident\.[a-z_]+$/, 'must be an event type like incident.created'))
      .max(50)
      .optional(),
  })
  .meta({ id: 'WebhookCreate' }) satisfies z.ZodType<WebhookCreate>

export const webhookSchema = z
  .object({ id: z.string(), url: z.string(), events: z.array(z.string()), createdAt: isoDate, disabledAt: isoDate.nullable() })
  .meta({ id: 'Webhook' }) satisfies z.ZodType<Webhook>

export const webhookCreatedSchema = webhookSchema
  .extend({ secret: z.string().meta({ description: 'Signs each delivery (Triage-Signature). Shown this once: store it now.' }) })
  .meta({ id: 'WebhookCreated' }) satisfies z.ZodType<WebhookCreated>

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: isoDate.nullable(),
    createdAt: isoDate,
    deliveredAt: isoDate.nullable(),
  })
  .meta({ id: 'WebhookDelivery' }) satisfies z.ZodType<WebhookDelivery>

export const diagnosticsQuerySchema = z.strictObject({
  symptoms: filledText(limits.symptomsChars, 'must describe what is happening'),
  locale: z.string().max(limits.localeChars).optional(),
  category: z.string().min(1).max(64).optional(),
})

export const diagnosticQuestionSchema = z.object({
  id: z.string(),
  kind: z.enum(['choice', 'yes_no', 'short_text']),
  text: z.string(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  maxLength: z.number().int().optional(),
  showIf: z.object({ questionId: z.string(), equals: z.union([z.string(), z.array(z.string())]) }).optional(),
}) satisfies z.ZodType<DiagnosticQuestion>

export const similarResolutionSchema = z.object({ number: z.string(), publicNote: z.string(), score: z.number() }) satisfies z.ZodType<SimilarResolution>

export const diagnosticsResultSchema = z
  .object({
    category: z.object({ value: z.string(), label: z.string(), confidence: z.number() }),
    categories: z.array(z.object({ value: z.string(), label: z.string() })),
    questions: z.array(diagnosticQuestionSchema),
    similar: z.array(similarResolutionSchema),
  })
  .meta({ id: 'DiagnosticsResult' }) satisfies z.ZodType<DiagnosticsResult>

export const metricsQuerySchema = z.strictObject({
  from: isoDate.meta({ description: 'Start of the range, before `to`. Default: 30 days before `to`.' }).optional(),
  to: isoDate.meta({ description: 'End of the range (excluded). Default: now.' }).optional(),
})

const durationStatsSchema = z.object({ count: z.number().int(), medianMinutes: z.number().nullable(), p90Minutes: z.number().nullable() }) satisfies z.ZodType<DurationStats>
const slaStatsSchema = z.object({ attainment: z.number().nullable(), met: z.number().int(), breached: z.number().int() }) satisfies z.ZodType<SlaStats>
const metricsGroupSchema = z.object({
  tickets: z.number().int(),
  timeToFirstResponse: durationStatsSchema,
  timeToResolve: durationStatsSchema,
  firstResponseSla: slaStatsSchema,
  resolutionSla: slaStatsSchema,
}) satisfies z.ZodType<MetricsGroup>

export const metricsSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    overall: metricsGroupSchema,
    byPriority: z.record(z.string(), metricsGroupSchema),
    byCategory: z.record(z.string(), metricsGroupSchema),
    byTier: z.record(z.string(), metricsGroupSchema),
    backlog: z.object({ byStatus: z.record(z.string(), z.number().int()), byTier: z.record(z.string(), z.number().int()) }),
  })
  .meta({ id: 'Metrics' }) satisfies z.ZodType<Metrics>

export const noticeQuerySchema = z.strictObject({ locale: z.string().max(limits.localeChars).optional() })

export const noticeSchema = z
  .object({
    id: z.string(),
    text: z.string().meta({ example: 'Payments fail at checkout' }),
    since: isoDate,
  })
  .meta({ id: 'Notice' }) satisfies z.ZodType<Notice>

export const noticeListSchema = z.object({ items: z.array(noticeSchema) }).meta({ id: 'NoticeList' }) satisfies z.ZodType<NoticeList>

// ── People (#18): agent accounts, invitations, sessions ──────────────────────────────────────

const agentEmail = z
  .email({ pattern: emailPattern, error: 'must be an e-mail address like ada@example.com' })
  .max(limits.emailChars)
  .meta({ pattern: emailPattern.source })
  .transform((email) => email.toLowerCase())
const agentName = filledText(limits.nameChars)
/**
 * Long passphrases over composition rules (NIST SP 800-63B §3.1.1.2): 12 characters at least, and
 * a bound, so a megabyte "password" cannot make each sign-in hash a megabyte.
 */
export const passwordSchema = z
  .string()
  .min(12, { error: 'must be at least 12 characters: a few words make a strong password' })
  .max(200, { error: 'must be at most 200 characters' })
const agentStatus = z.enum(['invited', 'active', 'disabled'])

export const agentSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    email: z.string(),
    name: z.string(),
    role,
    status: agentStatus,
    createdAt: isoDate,
    lastSignInAt: isoDate.nullable(),
  })
  .meta({ id: 'Agent' }) satisfies z.ZodType<Agent>

export const agentListSchema = z.object({ items: z.array(agentSchema) }).meta({ id: 'AgentList' }) satisfies z.ZodType<AgentList>

export const colleagueListSchema = z
  .object({ items: z.array(z.object({ id: z.string(), name: z.string(), role })) })
  .meta({ id: 'ColleagueList' }) satisfies z.ZodType<ColleagueList>

export const agentSessionSchema = z
  .object({
    agent: z.object({ id: z.string(), appId: z.string(), appName: z.string(), email: z.string(), name: z.string(), role }),
    expiresAt: isoDate,
  })
  .meta({ id: 'AgentSession' }) satisfies z.ZodType<AgentSession>

export const signInRequestSchema = z
  .strictObject({
    email: agentEmail,
    // Any length is checked against the stored hash as it is (up to the bound): a rule added
    // later must not lock out a password set before.
    password: z.string().min(1, { error: 'is required' }).max(200),
    appId: z.string().min(1).max(64).optional(),
  })
  .meta({ id: 'SignInRequest' }) satisfies z.ZodType<SignInRequest, unknown>

export const invitationInfoSchema = z
  .object({ email: z.string(), name: z.string(), role, appName: z.string(), expiresAt: isoDate })
  .meta({ id: 'InvitationInfo' }) satisfies z.ZodType<InvitationInfo>

export const invitationAcceptSchema = z
  .strictObject({ name: agentName.optional(), password: passwordSchema })
  .meta({ id: 'InvitationAccept' }) satisfies z.ZodType<InvitationAccept>

export const agentInviteSchema = z.strictObject({ email: agentEmail, role, name: agentName.optional() }).meta({ id: 'AgentInvite' }) satisfies z.ZodType<AgentInvite, unknown>

export const agentInvitationSchema = z
  .object({ agent: agentSchema, inviteUrl: z.string(), expiresAt: isoDate })
  .meta({ id: 'AgentInvitation' }) satisfies z.ZodType<AgentInvitation>

export const agentPatchSchema = z
  .strictObject({ name: agentName.optional(), role: role.optional(), disabled: z.boolean().optional() })
  .refine((patch) => Object.keys(patch).length > 0, { error: 'must change at least one of name, role, disabled' })
  .meta({ id: 'AgentPatch' }) satisfies z.ZodType<AgentPatch>

// ── The console's needs (#18): views, counts, bulk, children, presence, deflections, series ──

export const incidentCountsSchema = z
  .object(Object.fromEntries(queueViews.map((view) => [view, z.number().int()])) as Record<(typeof queueViews)[number], z.ZodNumber>)
  .meta({ id: 'IncidentCounts' }) satisfies z.ZodType<IncidentCounts>

const incidentIds = z
  .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id as the API gave it, like inc_01H…'))
  .min(1, { error: 'must name at least one incident' })
  .max(100, { error: 'at most 100 incidents at a time' })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'must not name an incident twice' })

export const bulkActionSchema = z
  .discriminatedUnion('action', [
    z.strictObject({ action: z.literal('assign'), ids: incidentIds, assignee: filledText(200).nullable() }),
    z.strictObject({ action: z.literal('close'), ids: incidentIds, reason: filledText(limits.messageChars).optional() }),
  ])
  .meta({ id: 'BulkAction' }) satisfies z.ZodType<BulkAction>

export const bulkResultSchema = z
  .object({
    items: z.array(
      z.union([z.object({ id: z.string(), ok: z.literal(true), incident: incidentSummarySchema }), z.object({ id: z.string(), ok: z.literal(false), problem: problemSchema })]),
    ),
  })
  .meta({ id: 'BulkResult' }) satisfies z.ZodType<BulkResult>

export const childIncidentListSchema = z
  .object({
    items: z.array(z.object({ id: z.string(), number: z.string(), status, priority, tier, summary: z.string(), createdAt: isoDate })),
    total: z.number().int(),
  })
  .meta({ id: 'ChildIncidentList' }) satisfies z.ZodType<ChildIncidentList>

export const childIncidentQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200),
})

export const presenceUpdateSchema = z.strictObject({ typing: z.boolean() }).meta({ id: 'PresenceUpdate' }) satisfies z.ZodType<PresenceUpdate>

export const incidentPresenceSchema = z
  .object({
    incidentId: z.string(),
    viewers: z.array(z.object({ id: z.string(), name: z.string(), typing: z.boolean(), since: isoDate })),
  })
  .meta({ id: 'IncidentPresence' }) satisfies z.ZodType<IncidentPresence>

export const deflectionCreateSchema = z
  .strictObject({ number: z.string().regex(/^INC-\d{6,}$/, 'must be an incident number like INC-000812, as the suggestion gave it') })
  .meta({ id: 'DeflectionCreate' }) satisfies z.ZodType<DeflectionCreate>

export const deflectionCreatedSchema = z.object({ id: z.string() }).meta({ id: 'DeflectionCreated' }) satisfies z.ZodType<DeflectionCreated>

/** A day (`2026-12-01`) or an ISO 8601 time: the series covers the UTC days it falls in. */
const dayOrTime = z.union([z.iso.date(), isoDate])
export const metricsSeriesQuerySchema = z.strictObject({ from: dayOrTime.optional(), to: dayOrTime.optional() })

export const metricsSeriesSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    days: z.array(
      z.object({
        date: z.iso.date(),
        tickets: z.number().int(),
        timeToFirstResponse: durationStatsSchema,
        timeToResolve: durationStatsSchema,
        firstResponseSla: slaStatsSchema,
        resolutionSla: slaStatsSchema,
        byCategory: z.record(z.string(), z.number().int()),
        deflections: z.number().int(),
        classifier: z.object({ handled: z.number().int(), corrected: z.number().int() }),
      }),
    ),
    categories: z.array(z.object({ value: z.string(), label: z.string() })),
    totals: z.object({
      tickets: z.number().int(),
      deflections: z.number().int(),
      deflectionRate: z.number().nullable(),
      handled: z.number().int(),
      corrected: z.number().int(),
      classifierAccuracy: z.number().nullable(),
    }),
    backlog: z.object({ byTier: z.record(z.string(), z.number().int()), byStatus: z.record(z.string(), z.number().int()) }),
  })
  .meta({ id: 'MetricsSeries' }) satisfies z.ZodType<MetricsSeries>

/**
 * Zod schemas of the privacy routes (`/v1/admin/reporters/…`, `/v1/admin/audit`,
 * `/v1/incidents/:id/breach`), beside the rest of the wire's in schemas.ts, whose building blocks
 * they reuse. Each is checked against its hand-written type in privacy.ts with `satisfies`.
 */
import { z } from 'zod'
import type { AuditEntry, AuditList, BreachCheckRequest, ErasureResult, ExportedAttachment, ExportedIncident, ReporterExport } from './privacy.ts'
import { auditActions } from './privacy.ts'
import { attachmentSchema, diagnosticAnswerSchema, reportContactSchema, reportContextSchema, reportEventSchema } from './schemas.ts'
import { breachChecklistItems, incidentKinds, incidentStatuses, priorities, tiers } from './vocabulary.ts'

const isoDate = z.iso.datetime({ offset: true })
const emailPattern = z.regexes.html5Email

const email = z
  .email({ pattern: emailPattern, error: 'must be an e-mail address like ada@example.com' })
  .max(254)
  .meta({ pattern: emailPattern.source, description: 'The e-mail address the person left on their reports (compared without case).' })
const userId = z
  .string()
  .regex(/^[\x21-\x7e](?:[\x20-\x7e]{0,198}[\x21-\x7e])?$/, 'must be a user id in printable ASCII, 1 to 200 characters')
  .meta({ description: 'Their user id in your app, as your server vouched for it (verified users only).' })

const oneSubject = (value: { email?: string | undefined; userId?: string | undefined }) => (value.email === undefined) !== (value.userId === undefined)
const oneSubjectError = { error: 'give exactly one of email or userId' }

export const reporterExportQuerySchema = z
  .strictObject({
    email: email.optional(),
    userId: userId.optional(),
    cursor: z.string().min(1).max(200).meta({ description: 'nextCursor of the previous page.' }).optional(),
  })
  // OpenAPI cannot say "exactly one" of two query parameters: the route says it in words.
  .refine(oneSubject, { ...oneSubjectError, path: ['userId'] })

export const exportedAttachmentSchema = attachmentSchema
  .extend({ href: z.string().meta({ example: '/v1/incidents/inc_01…/attachments/att_01…' }) })
  .meta({ id: 'ExportedAttachment' }) satisfies z.ZodType<ExportedAttachment>

export const exportedIncidentSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    kind: z.enum(incidentKinds),
    status: z.enum(incidentStatuses),
    category: z.string(),
    priority: z.enum(priorities),
    tier: z.enum(tiers),
    createdAt: isoDate,
    updatedAt: isoDate,
    resolvedAt: isoDate.nullable(),
    closedAt: isoDate.nullable(),
    symptoms: z.string(),
    answers: z.record(z.string(), diagnosticAnswerSchema),
    contact: reportContactSchema,
    context: reportContextSchema,
    timeline: z.array(reportEventSchema),
    attachments: z.array(exportedAttachmentSchema),
  })
  .meta({ id: 'ExportedIncident' }) satisfies z.ZodType<ExportedIncident>

export const reporterExportSchema = z
  .object({
    subject: z.union([z.object({ email: z.string() }), z.object({ userId: z.string() })]),
    app: z.object({ id: z.string(), name: z.string() }),
    exportedAt: isoDate,
    incidents: z.array(exportedIncidentSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ReporterExport' }) satisfies z.ZodType<ReporterExport>

export const erasureRequestSchema = z
  .strictObject({ email: email.optional(), userId: userId.optional() })
  .refine(oneSubject, oneSubjectError)
  .meta({ id: 'ErasureRequest', minProperties: 1, maxProperties: 1 })

export const erasureResultSchema = z
  .object({ incidents: z.number().int().nonnegative().meta({ description: 'Incidents of this person erased by this request.' }) })
  .meta({ id: 'ErasureResult' }) satisfies z.ZodType<ErasureResult>

export const auditQuerySchema = z
  .strictObject({
    from: isoDate.meta({ description: 'Entries from this instant (inclusive).' }).optional(),
    to: isoDate.meta({ description: 'Entries before this instant.' }).optional(),
    actor: z.string().min(1).max(200).meta({ description: "An actor's name as entries show it: a key's or agent's name, `retention`, `cli:<user>`." }).optional(),
    incident: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an incident id, like inc_01H…')
      .optional(),
    cursor: z.string().min(1).max(200).meta({ description: 'nextCursor of the previous page.' }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((query) => query.from === undefined || query.to === undefined || Date.parse(query.from) < Date.parse(query.to), { error: 'from must come before to', path: ['from'] })

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: isoDate,
    actor: z.object({ name: z.string(), id: z.string().nullable() }),
    action: z.enum(auditActions),
    incidentId: z.string().nullable(),
    subject: z.object({ kind: z.enum(['email', 'userId']), digest: z.string(), hint: z.string() }).nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' }) satisfies z.ZodType<AuditEntry>

export const auditListSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }).meta({ id: 'AuditList' }) satisfies z.ZodType<AuditList>

export const breachCheckRequestSchema = z
  .strictObject({
    item: z.enum(breachChecklistItems),
    done: z.boolean().meta({ description: 'true ticks the item, false unticks it.' }),
  })
  .meta({ id: 'BreachCheckRequest' }) satisfies z.ZodType<BreachCheckRequest>

/**
 * The storage layout (drizzle, sqlite-core): one schema for libSQL (Node, Turso) and D1 (Workers).
 * Times are integer milliseconds since the epoch; JSON documents are text columns.
 * Every query of an app's data starts with `app_id`, so each index leads with it: tenants stay
 * apart and each app's queries touch only its own rows.
 */
import type { BusinessCalendar, SlaPolicy } from '@triage/engine'
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'

export const apps = sqliteTable('apps', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON array of origins (`https://shop.example`) allowed to use the publishable key; empty: any. */
  allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull(),
  /** SLA targets per priority (minutes); null: the defaults of docs/design.md ("SLA defaults"). */
  slaPolicy: text('sla_policy', { mode: 'json' }).$type<SlaPolicy>(),
  /** Opening hours and holidays SLA clocks count in; null: calendar time. */
  businessHours: text('business_hours', { mode: 'json' }).$type<BusinessCalendar>(),
  /** Signs the app's user ids (HMAC-SHA256) so verified users can list their reports across devices. */
  identitySecret: text('identity_secret'),
  /** Closed incidents are anonymized this many days after closing (src/jobs/retention-sweep.ts); null: never. */
  retentionDays: integer('retention_days'),
  createdAt: integer('created_at').notNull(),
})

/**
 * API keys. Only a SHA-256 hash of a key is stored (keys are long random strings, so a fast
 * hash is enough and lookups stay one indexed read). Publishable keys are public by design and
 * also keep their plain text in `display`; secret keys keep only a short prefix there.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id),
    kind: text('kind', { enum: ['publishable', 'secret'] }).notNull(),
    role: text('role', { enum: ['l1', 'l2', 'l3', 'admin'] }),
    name: text('name').notNull(),
    hash: text('hash').notNull(),
    display: text('display').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (table) => [uniqueIndex('api_keys_hash').on(table.hash), index('api_keys_app').on(table.appId)],
)

/**
 * The condition of the partial indexes of open tickets. Queries repeat it exactly (SQLite uses a
 * partial index only for a query whose WHERE contains its condition).
 */
export const openStatuses = (status: SQLiteColumn) => sql`${status} in ('new', 'in_progress', 'pending_reporter')`
/**
 * Open as well, written another way: the partial indexes of one open status's tickets in a sort
 * order carry this condition, so that a query for one status names them and not the indexes of
 * every open ticket (SQLite uses a partial index only when the query repeats its condition).
 */
export const notResolvedOrClosed = (status: SQLiteColumn) => sql`${status} not in ('resolved', 'closed')`

export const incidents = sqliteTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id),
    /** Per-app sequence shown as `INC-000123`. */
    number: integer('number').notNull(),
    idempotencyKey: text('idempotency_key'),
    /** SHA-256 of the create request's body: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    kind: text('kind', { enum: ['incident', 'request'] }).notNull(),
    status: text('status', { enum: ['new', 'in_progress', 'pending_reporter', 'resolved', 'closed'] }).notNull(),
    category: text('category').notNull(),
    categoryConfidence: real('category_confidence').notNull(),
    categorySource: text('category_source', { enum: ['auto', 'reporter', 'agent'] }).notNull(),
    impact: text('impact', { enum: ['high', 'medium', 'low'] }).notNull(),
    urgency: text('urgency', { enum: ['high', 'medium', 'low'] }).notNull(),
    priority: text('priority', { enum: ['P1', 'P2', 'P3', 'P4'] }).notNull(),
    tier: text('tier', { enum: ['L1', 'L2', 'L3'] }).notNull(),
    assignee: text('assignee'),
    /** The app's id of the signed-in reporter, when their user hash checked out. */
    reporterUserId: text('reporter_user_id'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    symptoms: text('symptoms').notNull(),
    answers: text('answers', { mode: 'json' }).$type<Record<string, string | number | boolean>>().notNull(),
    context: text('context', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The engine's decisions with their reasons, as shown to agents. */
    reasoning: text('reasoning', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Grouped duplicates point to their major incident. */
    parentId: text('parent_id'),
    /** A major incident: the parent of similar reports that arrived together; resolving it resolves them. */
    isMajor: integer('is_major', { mode: 'boolean' }).notNull().default(false),
    /** A major incident's public title: the widget's notice to every visitor of the app ("Payments fail at checkout"). */
    publicTitle: text('public_title'),
    /** The agent's resolution note (internal) and what the reporter is told (public). */
    resolution: text('resolution'),
    publicNote: text('public_note'),
    firstResponseDueAt: integer('first_response_due_at'),
    resolutionDueAt: integer('resolution_due_at'),
    /** When 75 % of each target is used: the clocks turn "at risk". Shifted with the due times. */
    firstResponseRiskAt: integer('first_response_risk_at'),
    resolutionRiskAt: integer('resolution_risk_at'),
    /** Set while the ticket waits on the reporter: the clocks stop and resume shifted. */
    slaPausedAt: integer('sla_paused_at'),
    /** When the sweep marked each clock, so it marks (and escalates) once. */
    firstResponseRiskMarkedAt: integer('first_response_risk_marked_at'),
    firstResponseBreachMarkedAt: integer('first_response_breach_marked_at'),
    resolutionRiskMarkedAt: integer('resolution_risk_marked_at'),
    resolutionBreachMarkedAt: integer('resolution_breach_marked_at'),
    firstResponseAt: integer('first_response_at'),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    /** When the reporter's personal data was erased (src/privacy/): what they wrote now reads `[erased]`. */
    erasedAt: integer('erased_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /**
     * A new random value on every change. Writes are guarded by it (optimistic concurrency that
     * works within D1's batches as well as libSQL's), and it is the ETag of the ticket.
     */
    revision: text('revision').notNull(),
  },
  (table) => [
    uniqueIndex('incidents_app_number').on(table.appId, table.number),
    uniqueIndex('incidents_app_idempotency').on(table.appId, table.idempotencyKey),
    // The agents' list (storage/incidents.ts): each filter leads one index whose tail is the
    // default order (newest first), so a filtered page is a seek and 51 steps whatever the history;
    // the other sorts have their own. Open tickets, few beside years of closed ones, have partial
    // indexes of their own for the queue's views (status, SLA) in each order.
    // (checked by test/list-query-plans.test.ts: no full scan, no sort of the app's rows)
    index('incidents_app_created').on(table.appId, table.createdAt, table.id),
    index('incidents_app_status').on(table.appId, table.status, table.createdAt, table.id),
    index('incidents_app_tier').on(table.appId, table.tier, table.createdAt, table.id),
    index('incidents_app_kind').on(table.appId, table.kind, table.createdAt, table.id),
    index('incidents_app_category').on(table.appId, table.category, table.createdAt, table.id),
    index('incidents_app_priority').on(table.appId, table.priority, table.createdAt, table.id),
    index('incidents_app_assignee').on(table.appId, table.assignee, table.createdAt, table.id),
    index('incidents_app_due').on(table.appId, table.resolutionDueAt, table.id),
    index('incidents_open_created').on(table.appId, table.createdAt, table.id).where(openStatuses(table.status)),
    index('incidents_open_priority').on(table.appId, table.priority, table.createdAt, table.id).where(openStatuses(table.status)),
    index('incidents_open_due').on(table.appId, table.resolutionDueAt, table.id).where(openStatuses(table.status)),
    // One open status's tickets in the sorts other than creation (which incidents_app_status serves).
    index('incidents_open_status_priority').on(table.appId, table.status, table.priority, table.createdAt, table.id).where(notResolvedOrClosed(table.status)),
    index('incidents_open_status_due').on(table.appId, table.status, table.resolutionDueAt, table.id).where(notResolvedOrClosed(table.status)),
    // The open backlog by status and tier (metrics), counted from this index alone: open tickets are few.
    index('incidents_open_backlog').on(table.appId, table.status, table.tier).where(openStatuses(table.status)),
    // A major incident's reports, newest first: its explanation reads the latest without sorting them all.
    index('incidents_parent').on(table.parentId, table.createdAt),
    index('incidents_app_reporter_user').on(table.appId, table.reporterUserId, table.createdAt),
    index('incidents_status_resolution_due').on(table.status, table.resolutionDueAt),
    // What changed since: how each process keeps its in-memory indexes current without a scan.
    index('incidents_app_updated').on(table.appId, table.updatedAt),
    // The widget's notices: an app's open major incidents, read on every panel open, without
    // walking the app's other open tickets.
    // (is_major leads after the app, so SQLite prefers it to the other open-ticket indexes.)
    index('incidents_app_open_major')
      .on(table.appId, table.isMajor, table.createdAt)
      .where(sql`${table.isMajor} = 1 and ${table.status} in ('new', 'in_progress', 'pending_reporter')`),
    // The dashboard's classifier accuracy reads the tickets whose category an agent set, by day:
    // a few of each day's, without reading the others.
    index('incidents_app_agent_category').on(table.appId, table.tier, table.createdAt).where(sql`${table.categorySource} = 'agent'`),
    // The console's count of resolved tickets (they pile up until someone closes them), from the index alone.
    index('incidents_resolved_tier').on(table.appId, table.tier).where(sql`${table.status} = 'resolved'`),
    // A person's reports by the e-mail they left, without case, oldest first: their export and
    // erasure (src/privacy/). Partial, so no other query of the app's incidents can choose it.
    index('incidents_app_contact_email').on(table.appId, sql`lower(${table.contactEmail})`, table.createdAt, table.id).where(sql`${table.contactEmail} is not null`),
    // What the retention sweep anonymizes next: the app's closed incidents not yet erased, longest closed first.
    index('incidents_retention').on(table.appId, table.closedAt).where(sql`${table.status} = 'closed' and ${table.erasedAt} is null`),
  ],
)

/** The append-only timeline of each incident: the audit log and the source of status updates. */
export const incidentEvents = sqliteTable(
  'incident_events',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id),
    type: text('type').notNull(),
    actor: text('actor').notNull(),
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    at: integer('at').notNull(),
  },
  // Ends with the rowid, as every index does: a timeline reads in (at, rowid) order, insertion order within a millisecond.
  (table) => [index('incident_events_incident_at').on(table.incidentId, table.at)],
)

/** An app's webhook endpoints. The secret is kept in clear: it signs every delivery. */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id),
    url: text('url').notNull(),
    /** JSON array of event types; empty: all. */
    events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
    secret: text('secret').notNull(),
    createdAt: integer('created_at').notNull(),
    disabledAt: integer('disabled_at'),
  },
  (table) => [index('webhooks_app').on(table.appId)],
)

/**
 * The outbox and delivery log: one row per event and webhook, written in the same transaction
 * as the event (so no event is lost or sent for a change that did not happen), then sent and
 * retried with backoff by the dispatcher.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id),
    appId: text('app_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: integer('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (table) => [index('webhook_deliveries_due').on(table.status, table.nextAttemptAt), index('webhook_deliveries_webhook').on(table.webhookId, table.createdAt)],
)

/**
 * Each app's classifier, once its agents have corrected a category: the engine's JSON state
 * (compact: the largest weights only). Apps without a row use the built-in seed classifier.
 */
export const classifierStates = sqliteTable('classifier_states', {
  appId: text('app_id')
    .primaryKey()
    .references(() => apps.id),
  state: text('state').notNull(),
  corrections: integer('corrections').notNull(),
  updatedAt: integer('updated_at').notNull(),
})

/**
 * What each app's agents taught major-incident grouping by splitting reports out of major
 * incidents and merging major incidents (the engine's JSON lessons, bounded). Apps without a row
 * group by the built-in vocabulary alone.
 */
export const groupingStates = sqliteTable('grouping_states', {
  appId: text('app_id')
    .primaryKey()
    .references(() => apps.id),
  state: text('state').notNull(),
  corrections: integer('corrections').notNull(),
  updatedAt: integer('updated_at').notNull(),
})

/** Server-wide settings, e.g. the generated secret that signs reporter tokens when none is configured. */
export const settings = sqliteTable('settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
})

/**
 * Metrics rollups: one summary of an app's tickets per period (a UTC day `d:<n>` or month
 * `m:YYYY-MM`, by creation time) and tier, so `GET /v1/metrics` over a year reads a dozen months
 * instead of every ticket (see src/metrics/summary.ts). They are a cache of the incidents table:
 * a day is recomputed from its tickets when one of them changed, found through `updated_at`.
 */
export const metricRollups = sqliteTable(
  'metric_rollups',
  {
    appId: text('app_id').notNull(),
    period: text('period').notNull(),
    tier: text('tier').notNull(),
    /** Counts and pending due times per group, JSON. */
    summary: text('summary').notNull(),
    /** Every group's sorted durations, base64 of little-endian int32 (tenths of a minute). */
    durations: text('durations').notNull(),
    computedAt: integer('computed_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.appId, table.period, table.tier] }),
    // Which rollups exist and when each was made, read on every metrics call without the rows:
    // `computed_at` sits after the durations, and reading it from a row walks all their pages.
    index('metric_rollups_versions').on(table.appId, table.period, table.tier, table.computedAt),
  ],
)

/** How far each app's rollups have caught up with changes to its incidents (`updated_at`, ms). */
export const metricSync = sqliteTable('metric_sync', {
  appId: text('app_id').primaryKey(),
  syncedTo: integer('synced_to').notNull(),
})

/**
 * People who work an app's tickets (#18). The password is a slow salted hash (agents/passwords.ts),
 * null until the invited person sets one. One account per e-mail (lower-cased) and app.
 */
export const agents = sqliteTable(
  'agents',
  {
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['l1', 'l2', 'l3', 'admin'] }).notNull(),
    passwordHash: text('password_hash'),
    disabledAt: integer('disabled_at'),
    createdAt: integer('created_at').notNull(),
    lastSignInAt: integer('last_sign_in_at'),
  },
  (table) => [uniqueIndex('agents_app_email').on(table.appId, table.email), index('agents_email').on(table.email)],
)

/** One-time links to set a password: only the SHA-256 of the token is kept; a used one is deleted. */
export const agentInvitations = sqliteTable(
  'agent_invitations',
  {
    hash: text('hash').primaryKey(),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (table) => [index('agent_invitations_agent').on(table.agentId)],
)

/** Signed-in sessions: only the SHA-256 of the cookie's token is kept, so a copy of the database opens none. */
export const agentSessions = sqliteTable(
  'agent_sessions',
  {
    hash: text('hash').primaryKey(),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (table) => [index('agent_sessions_agent').on(table.agentId), index('agent_sessions_expires').on(table.expiresAt)],
)

/**
 * Failed sign-ins per e-mail and per client address, in a window: in the database, so the limit
 * holds across Node processes and Workers isolates alike (agents/sign-in-throttle.ts).
 */
export const signInFailures = sqliteTable('sign_in_failures', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStartedAt: integer('window_started_at').notNull(),
})

/** Who has a ticket open in the console (heartbeats); a row older than 30 s is nobody. */
export const agentPresence = sqliteTable(
  'agent_presence',
  {
    incidentId: text('incident_id').notNull(),
    /** The agent's id, or the secret key's. */
    viewerId: text('viewer_id').notNull(),
    appId: text('app_id').notNull(),
    name: text('name').notNull(),
    typing: integer('typing', { mode: 'boolean' }).notNull(),
    since: integer('since').notNull(),
    seenAt: integer('seen_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.viewerId] }), index('agent_presence_app_seen').on(table.appId, table.seenAt)],
)

/**
 * Problems solved by a suggested public note, with no report filed: the deflection rate. Only
 * which incident's note helped is kept, never what the visitor wrote.
 */
export const deflections = sqliteTable(
  'deflections',
  {
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id),
    incidentId: text('incident_id').notNull(),
    /** The suggested incident's tier and category: metrics count what the reader's tiers see. */
    tier: text('tier', { enum: ['L1', 'L2', 'L3'] }).notNull(),
    category: text('category').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('deflections_app_created').on(table.appId, table.createdAt)],
)

/**
 * The reporter's files (see src/attachments/). A row is written in the same batch as the bytes it
 * points to, so an attachment is listed only once it is whole. Bytes are addressed by their
 * SHA-256: the same file sent twice is stored once.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id),
    /** The client's Idempotency-Key: a retried upload answers the attachment it made. */
    idempotencyKey: text('idempotency_key'),
    name: text('name').notNull(),
    /** Decided from the bytes (src/attachments/file-type.ts), never from what the client said. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Hex SHA-256 of the stored bytes: where they are (attachment_chunks or the R2 object). */
    sha256: text('sha256').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('attachments_incident').on(table.incidentId, table.createdAt, table.id),
    uniqueIndex('attachments_incident_idempotency').on(table.incidentId, table.idempotencyKey),
    index('attachments_sha256').on(table.sha256),
  ],
)

/**
 * The bytes of attachments on Node (libSQL): one row per MiB of a file, so a download streams a
 * chunk at a time and never holds a whole file or the event loop for long. In the database file,
 * beside the incidents, so a copy of the data directory is a complete backup (README, Storage).
 */
export const attachmentChunks = sqliteTable(
  'attachment_chunks',
  {
    sha256: text('sha256').notNull(),
    part: integer('part').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.sha256, table.part] })],
)

/** Each app's attachment bytes, counted as uploaded (a file sent twice counts twice): its quota. */
export const attachmentUsage = sqliteTable('attachment_usage', {
  appId: text('app_id').primaryKey(),
  bytes: integer('bytes').notNull(),
})

/**
 * On Workers, the R2 objects' bookkeeping (src/storage/blobs-r2.ts): an upload holds a lease on its
 * object until `check_at`; an object is deleted only once no attachment points to it and no lease
 * holds it, and `deleting` keeps uploads of the same bytes away while it goes.
 */
export const blobObjects = sqliteTable(
  'blob_objects',
  {
    sha256: text('sha256').primaryKey(),
    state: text('state', { enum: ['live', 'deleting'] }).notNull(),
    /** When to check whether it is still referenced; null: it was, at the last check. */
    checkAt: integer('check_at'),
  },
  (table) => [index('blob_objects_check').on(table.checkAt).where(sql`${table.checkAt} is not null`)],
)

/**
 * The audit trail (src/privacy/audit.ts): who exported or erased whose data, changed the app's
 * settings, keys or webhooks, read an incident's personal data or ticked a breach's checklist.
 * Append-only: migration 0013 adds triggers that refuse any UPDATE or DELETE of its rows.
 */
export const auditEntries = sqliteTable(
  'audit_entries',
  {
    id: text('id').primaryKey(),
    appId: text('app_id').notNull(),
    at: integer('at').notNull(),
    /** A key's or agent's name, `retention`, `cli:<user>`. */
    actor: text('actor').notNull(),
    /** The key's id, when a key acted. */
    actorId: text('actor_id'),
    action: text('action').notNull(),
    incidentId: text('incident_id'),
    /** Whose data, for exports and erasures: `{ kind, digest, hint }`, never the address or id itself. */
    subject: text('subject', { mode: 'json' }).$type<{ kind: 'email' | 'userId'; digest: string; hint: string }>(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  // Newest first, for the app, one incident or one actor: a page is a seek and 51 steps. Each ends
  // with the rowid, as every index does: entries of one millisecond read in the order they were written.
  (table) => [
    index('audit_app_at').on(table.appId, table.at),
    index('audit_app_incident').on(table.appId, table.incidentId, table.at),
    index('audit_app_actor').on(table.appId, table.actor, table.at),
  ],
)

/**
 * Erasures asked for and not yet done (src/privacy/erasure.ts): the incidents found for the person
 * when they asked, so an erasure cut short (a crash, a Worker's time limit) is finished by the next
 * sweep or a second request. It holds incident ids only, never the person's address or id.
 */
export const erasureJobs = sqliteTable(
  'erasure_jobs',
  {
    id: text('id').primaryKey(),
    appId: text('app_id').notNull(),
    /** JSON array of incident ids. */
    incidentIds: text('incident_ids', { mode: 'json' }).$type<string[]>().notNull(),
    actor: text('actor').notNull(),
    actorId: text('actor_id'),
    requestedAt: integer('requested_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (table) => [index('erasure_jobs_unfinished').on(table.requestedAt).where(sql`${table.finishedAt} is null`)],
)

export const schema = {
  apps,
  apiKeys,
  incidents,
  incidentEvents,
  webhooks,
  webhookDeliveries,
  classifierStates,
  groupingStates,
  settings,
  metricRollups,
  metricSync,
  attachments,
  attachmentChunks,
  attachmentUsage,
  blobObjects,
  agents,
  agentInvitations,
  agentSessions,
  signInFailures,
  agentPresence,
  deflections,
  auditEntries,
  erasureJobs,
}
export type Schema = typeof schema

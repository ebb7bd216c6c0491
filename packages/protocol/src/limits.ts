/** Input bounds enforced by the server and known to the clients, so they fail early and alike. */
export const limits = {
  /** Whole request body, in bytes. */
  bodyBytes: 64 * 1024,
  /** Nesting of any JSON body: the body object is level 1, each object or list inside one more. */
  jsonDepth: 32,
  symptomsChars: 10_000,
  answerCount: 50,
  answerIdChars: 64,
  answerTextChars: 2_000,
  nameChars: 200,
  emailChars: 254,
  breadcrumbs: 100,
  idempotencyKeyChars: 255,
  messageChars: 10_000,
  listLimitMax: 200,
  listLimitDefault: 50,
  /** One attachment, in bytes (10 MiB). */
  attachmentBytes: 10 * 1024 * 1024,
  /** All attachments of one report together, in bytes (25 MiB). */
  reportAttachmentBytes: 25 * 1024 * 1024,
  attachmentsPerReport: 10,
  attachmentNameChars: 200,
  /** A report's context, which the SDK cuts to fit (an over-long field would reject the report): the page's address and referrer. */
  contextUrlChars: 2_048,
  userAgentChars: 512,
  /** A language tag: 35 characters hold every tag in practical use (RFC 5646, section 4.4.1). */
  localeChars: 35,
  /** The context's short labels: time zone, app version, environment. */
  contextLabelChars: 64,
} as const

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
} as const

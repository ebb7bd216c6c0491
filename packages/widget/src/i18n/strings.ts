import type { IncidentStatus, Priority, ReportEvent } from '@triage/sdk'

type EventType = ReportEvent['type']

/**
 * Every visible string of the widget. Keys use the domain words (report, symptoms, status…)
 * so a translator and a developer talk about the same thing. `{name}` marks a value filled in.
 */
export interface Strings {
  /** The launcher button's text and accessible name. */
  launcher: string
  /** The dialog's heading, which also labels it. */
  title: string
  close: string
  back: string
  next: string
  symptomsLabel: string
  symptomsHint: string
  /** Shown when the reporter goes on with an empty description. */
  symptomsRequired: string
  /** Before a resolved incident's public note that may answer the problem. */
  suggestion: string
  suggestionQuestion: string
  yes: string
  no: string
  deflectedTitle: string
  deflectedBody: string
  diagnoseTitle: string
  /** `{n}` and `{total}`: the question's place, when no later answer can add a question. */
  questionCount: string
  /** The same while a later answer may still add a question: `{total}` counts those too. */
  questionCountUpTo: string
  categoryLabel: string
  contactTitle: string
  nameLabel: string
  emailLabel: string
  /** Shown when the e-mail address cannot be one. */
  emailInvalid: string
  consent: string
  reviewTitle: string
  symptomsEcho: string
  contactLabel: string
  /** Heading of the captured context, each part with a checkbox. */
  contextTitle: string
  contextUrl: string
  contextBrowser: string
  /** `{n}`: how many breadcrumbs. */
  contextActivity: string
  send: string
  sending: string
  /** Shown before the SDK's error detail when a report could not be sent. */
  sendFailed: string
  /** At "Check and send": brings the screenshot and file buttons (loaded then). */
  addAttachments: string
  /** Heading of the files going with the report. */
  attachmentsTitle: string
  /** Captures the tab with the browser's screen sharing. */
  screenshot: string
  /** Says plainly what the browser is about to share, next to the screenshot button. */
  screenshotHint: string
  attachFile: string
  /** How the reporter hides parts of a screenshot, over it. */
  hideHint: string
  /** The two ways to drag over a screenshot: black out a part, or keep only a part. */
  hide: string
  crop: string
  undo: string
  /** Adds the edited screenshot to the report. */
  useScreenshot: string
  cancel: string
  /** `{name}`: the file's name. */
  remove: string
  /** `{name}`: a file that cannot go (its type, or its size). */
  notAccepted: string
  /** The browser took no screenshot (refused, or not supported). */
  screenshotFailed: string
  queuedTitle: string
  queuedBody: string
  receivedTitle: string
  numberLabel: string
  statusLabel: string
  priorityLabel: string
  /** Before the server's promise (of a first answer, then of a fix), in the reporter's language. */
  slaLabel: string
  /** Before the names of the files the reporter sent. */
  filesLabel: string
  /** How agents' replies arrive: in the widget only, or also by e-mail (the server says which). */
  repliesHere: string
  repliesEmail: string
  timelineTitle: string
  agent: string
  reporter: string
  replyLabel: string
  replySend: string
  fixed: string
  /** Labels the reply box of a resolved report: its text goes with "Still broken". */
  stillWrongLabel: string
  stillBroken: string
  /** Reopens a closed report. */
  reopen: string
  /** A known problem of the app (an open major incident): `{text}` its public title, `{time}` since when. */
  knownProblem: string
  /** Joins the known problem in one tap, and follows it like one's own report. */
  meToo: string
  actionFailed: string
  myReports: string
  noReports: string
  queuedStatus: string
  loading: string
  newReport: string
  /** Timeline entries by event type; `{status}` is the new status in words. */
  event: Partial<Record<EventType, string>>
  /** Each lifecycle status in plain words. */
  status: Record<IncidentStatus, string>
  /** Each ITIL priority in plain words. */
  priority: Record<Priority, string>
  /** Category ids of the default taxonomy in plain words; unknown ids are shown as they are. */
  category: Record<string, string>
}

/**
 * The strings only the screens after a report exists use (the ticket and its follow-up, "My
 * reports", a known problem's "Me too", which files one): the script-tag build loads them with those
 * screens, later (`widget-follow-<locale>.js`).
 */
export type FollowKey =
  | 'deflectedTitle'
  | 'deflectedBody'
  | 'receivedTitle'
  | 'numberLabel'
  | 'statusLabel'
  | 'priorityLabel'
  | 'slaLabel'
  | 'filesLabel'
  | 'repliesHere'
  | 'repliesEmail'
  | 'timelineTitle'
  | 'agent'
  | 'reporter'
  | 'replyLabel'
  | 'replySend'
  | 'fixed'
  | 'stillWrongLabel'
  | 'stillBroken'
  | 'reopen'
  | 'knownProblem'
  | 'meToo'
  | 'actionFailed'
  | 'noReports'
  | 'queuedStatus'
  | 'event'
  | 'status'
  | 'priority'

/** The strings only the attachments chunk uses (`widget-attachments-<locale>.js`), which load with it. */
export type AttachmentKey =
  | 'attachmentsTitle'
  | 'screenshot'
  | 'screenshotHint'
  | 'attachFile'
  | 'hideHint'
  | 'hide'
  | 'crop'
  | 'undo'
  | 'useScreenshot'
  | 'cancel'
  | 'remove'
  | 'notAccepted'
  | 'screenshotFailed'

/** The strings of the screens up to sending, which the panel carries. */
export type PanelStrings = Omit<Strings, FollowKey | AttachmentKey>
export type FollowStrings = Pick<Strings, FollowKey>
export type AttachmentStrings = Pick<Strings, AttachmentKey>

type Maps = 'event' | 'status' | 'priority' | 'category'

/** What an app may override: any string, and any entry of the nested maps. */
export type StringOverrides = Partial<Omit<Strings, Maps>> & { [map in Maps]?: Partial<Strings[map]> }

/**
 * A known problem: an open major incident of the app, as any visitor may read it. Only what the
 * agents wrote for the public (or its category in plain words) is shown, never what one reporter
 * wrote.
 */
export interface Notice {
  /** Send it as `notice` in `POST /v1/reports` to say "me too" instead of describing it again. */
  id: string
  /** The agents' public title of the major incident, or its category in plain words until they write one. */
  text: string
  /** ISO 8601: since when it is known (the major incident opened). */
  since: string
}

/** `GET /v1/notices?locale=…` (publishable key): the app's open known problems, newest first. */
export interface NoticeList {
  items: Notice[]
}

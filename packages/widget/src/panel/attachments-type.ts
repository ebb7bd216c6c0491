import type { FunctionComponent } from 'preact'
import type * as files from '@triage/sdk/later-parts'
import type { AttachmentStrings } from '../i18n/index.ts'
import type { WidgetState } from '../state.ts'
import type { Jsx } from './jsx-bridge.ts'

/** The attachments' part of the review step, made for one widget's state (it keeps the screenshot being edited). */
export type AttachmentsPart = FunctionComponent<{ state: WidgetState; strings: AttachmentStrings }>

/** What the attachments chunk brings: its part of the review step, and its words in the panel's language. */
export interface AttachmentsChunk {
  create(): AttachmentsPart
  strings: AttachmentStrings
}

/**
 * What `widget-attachments-<locale>.js` hands to its panel (the detail of {@link attachmentsEvent}):
 * its part, and the SDK's files part (the store of a queued report's files, the multipart bodies),
 * which the panel's client loads from here (chunk-loader.ts).
 */
export type AttachAttachments = (preact: Jsx) => AttachmentsChunk & { sdk: Pick<typeof files, 'keepFiles' | 'keptFiles' | 'forgetFiles' | 'reportForm' | 'fileForm'> }

/** The event the attachments chunk dispatches on its own `<script>` element. */
export const attachmentsEvent = 'triage:attachments'

/** The attachments' part of the review step, once it has arrived, with its words. */
export interface LoadedAttachments {
  Part: AttachmentsPart
  strings: AttachmentStrings
}

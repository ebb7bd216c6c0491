/**
 * Entry of `dist/widget-attachments-en.js`: screenshots (captured, cropped and with parts hidden)
 * and files for a report, and their English words. The English panel loads it only when the reporter
 * asks to add one at "Check and send": a visitor who never does never downloads it. It renders with
 * the panel's Preact and signals, handed over with the event on its own script element.
 */
import { enAttachments } from '../i18n/en-attachments.ts'
import { createAttachmentsPart } from '../attachments/part.tsx'
import { fileForm, forgetFiles, keepFiles, keptFiles, reportForm } from '@triage/sdk/later-parts'
import { useJsx } from './jsx-bridge.ts'
import type { AttachAttachments } from './attachments-type.ts'
import { attachmentsEvent } from './attachments-type.ts'

const attach: AttachAttachments = (preact) => {
  useJsx(preact)
  return { create: createAttachmentsPart, strings: enAttachments, sdk: { keepFiles, keptFiles, forgetFiles, reportForm, fileForm } }
}
document.currentScript?.dispatchEvent(new CustomEvent(attachmentsEvent, { detail: attach }))

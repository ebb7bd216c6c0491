/**
 * Entry of `dist/widget-attachments-fr.js`: screenshots (captured, cropped and with parts hidden)
 * and files for a report, and their French words. The French panel loads it only when the reporter
 * asks to add one at "Check and send": a visitor who never does never downloads it. It renders with
 * the panel's Preact and signals, handed over with the event on its own script element.
 */
import { frAttachments } from '../i18n/fr-attachments.ts'
import { createAttachmentsPart } from '../attachments/part.tsx'
import { fileForm, forgetFiles, keepFiles, keptFiles, reportForm } from '@triage/sdk/later-parts'
import { useJsx } from './jsx-bridge.ts'
import type { AttachAttachments } from './attachments-type.ts'
import { attachmentsEvent } from './attachments-type.ts'

const attach: AttachAttachments = (preact) => {
  useJsx(preact)
  return { create: createAttachmentsPart, strings: frAttachments, sdk: { keepFiles, keptFiles, forgetFiles, reportForm, fileForm } }
}
document.currentScript?.dispatchEvent(new CustomEvent(attachmentsEvent, { detail: attach }))

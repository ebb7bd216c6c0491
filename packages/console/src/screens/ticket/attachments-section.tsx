import type { Incident } from '@triage/protocol'
import { isRasterImage } from '@triage/protocol'
import { h } from 'preact'
import { attachmentPath } from '../../api/api.ts'
import { fill, formatBytes, formatMoment, t } from '../../i18n/index.ts'
import { Section } from './sections.tsx'

/**
 * The reporter's files (screenshots, photos, PDFs, logs), none when there are none: each one link,
 * its thumbnail (or its kind), name, size and time. A picture opens in a new tab; any other file
 * downloads under its name (the server sends it as an attachment, sandboxed, so nothing in it runs
 * here). Names are the reporter's and shown as text.
 */
export function AttachmentsSection({ incident }: { incident: Incident }) {
  const strings = t.value
  if (incident.attachments.length === 0) return null
  return (
    <Section id="files" title={fill(strings.files, { count: incident.attachments.length })}>
      <ul class="files">
        {incident.attachments.map((attachment) => {
          const url = attachmentPath(incident.id, attachment.id)
          // A picture opens in the browser (the server serves it inline); the rest downloads.
          const picture = isRasterImage(attachment.contentType)
          const link = picture ? { target: '_blank', rel: 'noopener' } : { download: attachment.name }
          return (
            <li key={attachment.id}>
              <a class="file" href={url} {...link}>
                <span class="thumb" aria-hidden="true">
                  {picture ? <img src={url} alt="" loading="lazy" /> : attachment.contentType === 'application/pdf' ? 'PDF' : 'TXT'}
                </span>
                <span class="file-text">
                  <span class="file-name">{attachment.name}</span>
                  <span class="meta">
                    {strings.fileKind[attachment.contentType]} · {formatBytes(attachment.size)} · <time dateTime={attachment.createdAt}>{formatMoment(attachment.createdAt)}</time>
                  </span>
                </span>
              </a>
            </li>
          )
        })}
      </ul>
    </Section>
  )
}

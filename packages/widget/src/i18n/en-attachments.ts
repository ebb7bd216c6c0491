import type { AttachmentStrings } from './strings.ts'

/** The English words of screenshots and files, which load with them (`widget-attachments-en.js`). */
export const enAttachments: AttachmentStrings = {
  attachmentsTitle: 'Attachments',
  screenshot: 'Add a screenshot',
  screenshotHint: 'Your browser asks what to share: choose this tab. One picture is taken, and you can hide parts of it before it is sent.',
  attachFile: 'Attach a file',
  hideHint: 'Drag over what we should not see: it is blacked out before sending.',
  hide: 'Hide a part',
  crop: 'Crop',
  undo: 'Undo',
  useScreenshot: 'Add this screenshot',
  cancel: 'Cancel',
  remove: 'Remove {name}',
  notAccepted: '{name} cannot be sent: only images, PDFs and text files up to 10 MB, 10 files in all.',
  screenshotFailed: 'No screenshot was taken. You can attach a file instead.',
}

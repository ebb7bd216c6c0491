import type { FollowStrings } from './strings.ts'

/** The English words of the screens after a report exists, which load with them (`widget-follow-en.js`). */
export const enFollow: FollowStrings = {
  receivedTitle: 'Thank you, we received your report',
  numberLabel: 'Ticket number',
  statusLabel: 'Status',
  priorityLabel: 'Priority',
  slaLabel: 'Our promise',
  repliesHere: 'We will answer you here.',
  repliesEmail: 'We will answer you here and by e-mail.',
  timelineTitle: 'History',
  agent: 'Support',
  reporter: 'You',
  replyLabel: 'Your reply',
  replySend: 'Send reply',
  fixed: 'It’s fixed',
  stillWrongLabel: 'What is still wrong? (optional)',
  stillBroken: 'Still broken',
  reopen: 'Reopen',
  actionFailed: 'That did not go through. Try again.',
  noReports: 'No reports sent from this browser yet.',
  queuedStatus: 'Waiting to be sent',
  event: {
    created: 'Report received',
    status_changed: 'Status: {status}',
    resolved: 'Resolved',
    reopened: 'Reopened',
    closed: 'Closed',
  },
  status: {
    new: 'New — we have received it',
    in_progress: 'In progress — someone is working on it',
    pending_reporter: 'Waiting for you — we need more information',
    resolved: 'Resolved — we think it is fixed',
    closed: 'Closed — this report is done',
  },
  priority: {
    P1: 'Critical — handled right away',
    P2: 'High',
    P3: 'Normal',
    P4: 'Low',
  },
}

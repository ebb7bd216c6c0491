// A custom help form on the Triage SDK: report with context and breadcrumbs, say when a report
// waits offline, follow the status live, list this browser's reports.
import { breadcrumbs, createTriage, TriageError } from '/sdk.js'

const setting = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') || undefined
const $ = (id) => document.getElementById(id)
const say = (text) => ($('status').textContent = text)

const statusWords = {
  new: 'received',
  in_progress: 'someone is working on it',
  pending_reporter: 'we need more information from you',
  resolved: 'resolved: does it work now?',
  closed: 'closed',
}

const triage = createTriage({
  endpoint: setting('triage-endpoint') ?? location.origin,
  key: setting('triage-key'),
  app: { version: '1.4.0', environment: 'example' },
  // Navigations, clicks, console errors and failed requests just before the report.
  integrations: [breadcrumbs()],
  // A report saved while offline was sent later (now, on `online`, or on this page's next load).
  onSent: (report) => {
    say(`Your saved report was sent: ${report.number}.`)
    follow(report)
  },
  onError: (error) => say(`A saved report could not be sent: ${error.detail}`),
})

let stopFollowing = () => {}
function follow(report) {
  stopFollowing()
  stopFollowing = report.follow((view) => {
    say(`${view.number}: ${statusWords[view.status]} (${view.slaPromise}).`)
    void showMyReports()
  })
}

async function showMyReports() {
  const items = (await triage.myReports()).map((report) => {
    const item = document.createElement('li')
    item.textContent = report.status === 'queued' ? `Waiting to be sent: “${report.symptoms}”` : `${report.number} — ${statusWords[report.status]}`
    return item
  })
  $('my-reports').replaceChildren(...items)
}

$('report').addEventListener('submit', async (event) => {
  event.preventDefault()
  const form = event.currentTarget
  const email = form.email.value.trim()
  say('Sending…')
  try {
    const report = await triage.report({ symptoms: form.symptoms.value, contact: email ? { email } : undefined })
    form.reset()
    if (report.status === 'queued') say('You are offline: your report is saved and will be sent when you are back online.')
    else {
      say(`Thank you: your ticket is ${report.number}.`)
      follow(report)
    }
  } catch (error) {
    // Keep what was typed: the reporter fixes it or tries again.
    say(error instanceof TriageError ? error.detail : 'Something went wrong; please try again.')
  }
  void showMyReports()
})

// The broken feature of this pretend app: a failed request and a console error, with a token
// in the URL that the SDK scrubs before anything leaves the page.
$('export').addEventListener('click', async () => {
  const response = await fetch('/api/notes/export?format=csv&token=tok_5f2b9c1e')
  if (!response.ok) console.error(`Export failed with ${response.status}`)
  say('Export failed. Please tell us below.')
})

void showMyReports()

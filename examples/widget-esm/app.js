// An app that bundles its JavaScript and renders with its own Preact (hooks included) uses the
// widget through `mount` instead of the script tag: no launcher of ours here, the app's own
// "Help" button opens the panel, the signed-in user fills the contact step, and the app hears of
// each report. Bundle it with any bundler (the end-to-end test uses rollup and node-resolve).
import { h, render } from 'preact'
import { useState } from 'preact/hooks'
import { mount } from '@triage/widget'

const config = (name) => document.querySelector(`meta[name="${name}"]`).content

const triage = mount({
  key: config('triage-key'),
  endpoint: config('triage-endpoint') || location.origin,
  locale: 'fr',
  color: '#0f766e',
  strings: { launcher: 'Aide', title: 'Aide Acme Notes' },
  onSubmit: (report) => (document.querySelector('#last-report').textContent = report.number),
})
triage.identify({ id: 'user-42', name: 'Ada Lovelace', email: 'ada@example.com' })

function Notes() {
  const [count, setCount] = useState(0)
  return h(
    'main',
    null,
    h('h1', null, 'Notes'),
    h('button', { type: 'button', id: 'add', onClick: () => setCount(count + 1) }, `Add a note (${count})`),
    h('button', { type: 'button', id: 'help' }, 'Help'),
    h(
      'button',
      { type: 'button', id: 'report-export', onClick: () => (triage.prefill({ symptoms: 'Exporting my notes to PDF fails with an error' }), triage.open()) },
      'Report a problem with exports',
    ),
    h('p', null, 'Last report: ', h('output', { id: 'last-report' })),
  )
}

render(h(Notes, null), document.querySelector('#app'))
triage.attachTo(document.querySelector('#help'))

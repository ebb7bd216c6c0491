/**
 * The console's entry (`dist/console.js`): preferences, the API's transport, the session, then the
 * screens. Its stylesheet is `dist/console.css` (the `.css` imports below, gathered by the build).
 */
import './styles/theme.css'
import './styles/layout.css'
import './styles/controls.css'
import './styles/queue.css'
import { h, render } from 'preact'
import { configureTransport } from './api/transport.ts'
import { App } from './app.tsx'
import { locale } from './i18n/index.ts'
import { startPreferences } from './state/preferences.ts'
import { loadQueue } from './state/queue.ts'
import { route } from './state/router.ts'
import { loadSession, signedOut } from './state/session.ts'
import { startClock } from './ui/now.ts'

startPreferences()
configureTransport({ locale: () => locale.value, onSignedOut: signedOut })
startClock()
const root = document.getElementById('app')
if (root) render(<App />, root)
void loadSession().catch(() => signedOut())
// The queue is the usual first screen: read it alongside the session rather than after it (one
// round trip less before the first rows). Without a session it answers 401, and sign-in shows.
if (route.value.screen === 'queue') void loadQueue()

import { h } from 'preact'
import { useEffect } from 'preact/hooks'
import { t } from './i18n/index.ts'
import { InvitationScreen } from './screens/auth/invitation.tsx'
import { SignInScreen } from './screens/auth/sign-in.tsx'
import { QueueScreen } from './screens/queue/queue-screen.tsx'
import { ViewsNav } from './screens/queue/views-nav.tsx'
import { loadColleagues } from './state/colleagues.ts'
import { onLive, startLive, stopLive } from './state/live.ts'
import { onPresenceEvent } from './state/presence.ts'
import { onCountsEvent, refreshCounts } from './state/queue.ts'
import { route } from './state/router.ts'
import { agent } from './state/session.ts'
import { lazyScreen } from './ui/lazy.tsx'
import { Shell } from './ui/shell.tsx'

// The screens past the queue, each in a chunk of its own.
export const TicketScreen = lazyScreen(() => import('./screens/ticket/ticket-screen.tsx').then((module) => module.TicketScreen))
export const MetricsScreen = lazyScreen(() => import('./screens/metrics/metrics-screen.tsx').then((module) => module.MetricsScreen))

/** Which screen: the invitation link and sign-in before a session, then the queue, a ticket or metrics. */
export function App() {
  const current = route.value
  const me = agent.value
  const signedIn = Boolean(me)
  useEffect(() => {
    if (!signedIn) return
    startLive()
    const stopPresence = onLive(onPresenceEvent)
    const stopCounts = onLive(onCountsEvent)
    refreshCounts(0)
    void loadColleagues()
    // The ticket screen is the next step of every loop: fetch it while the agent reads the queue.
    const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200))
    idle(() => void TicketScreen.preload())
    return () => (stopPresence(), stopCounts(), stopLive())
  }, [signedIn])
  // Each screen titles the page (WCAG 2.4.2): the tab and a screen reader say where the agent is.
  const strings = t.value
  const title =
    current.screen === 'invitation'
      ? strings.invitationTitle
      : !me
        ? strings.signInTitle
        : current.screen === 'metrics'
          ? strings.metricsTitle
          : current.screen === 'ticket'
            ? strings.ticketTitle
            : strings.queueNav
  useEffect(() => void (document.title = `${title} — ${strings.appName}`), [title, strings])
  if (current.screen === 'invitation') return <InvitationScreen token={current.token} />
  if (me === undefined)
    return (
      <p class="page-message" role="status">
        {t.value.loading}
      </p>
    )
  if (me === null) return <SignInScreen />
  return (
    <Shell sidebar={<ViewsNav />}>
      {current.screen === 'ticket' ? <TicketScreen id={current.id} key={current.id} /> : current.screen === 'metrics' ? <MetricsScreen /> : <QueueScreen />}
    </Shell>
  )
}

import { h } from 'preact'
import { useState } from 'preact/hooks'
import { ApiError } from '../../api/transport.ts'
import { fill, locale, t } from '../../i18n/index.ts'
import { durationUnits, shortDuration } from '../../lib/duration.ts'
import { base, navigate, route } from '../../state/router.ts'
import { signIn } from '../../state/session.ts'
import { errorText } from '../../ui/error-line.tsx'
import { AuthFrame } from './auth-frame.tsx'

/** What a refused sign-in tells the agent: a wrong pair, or how long to wait (throttled), else the API's words. */
export function signInError(error: unknown): string {
  const strings = t.value
  if (error instanceof ApiError && error.status === 401) return strings.wrongPair
  if (error instanceof ApiError && error.status === 429) {
    return fill(strings.throttled, { time: shortDuration((error.retryAfter ?? 60) * 1000, durationUnits[locale.value]) })
  }
  return errorText(error)
}

/**
 * E-mail and password. When the pair opens accounts in several apps the server lists them
 * (409 `allowed`), and the agent picks one.
 */
export function SignInScreen() {
  const strings = t.value
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [apps, setApps] = useState<string[]>([])
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setBusy(true)
    setError('')
    try {
      await signIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''), String(form.get('appId') ?? '') || undefined)
      if (route.value.screen === 'sign-in') navigate(base, { replace: true })
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.problem.allowed?.length) setApps(caught.problem.allowed)
      else setError(signInError(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <AuthFrame title={strings.signInTitle}>
      <form class="auth-form" onSubmit={(event) => void submit(event)}>
        <label>
          <span>{strings.email}</span>
          <input name="email" type="email" autoComplete="username" required maxLength={254} data-autofocus />
        </label>
        <label>
          <span>{strings.password}</span>
          <input name="password" type="password" autoComplete="current-password" required maxLength={200} />
        </label>
        {apps.length > 0 ? (
          <label>
            <span>{strings.whichApp}</span>
            <select name="appId" required>
              {apps.map((app) => (
                <option value={app} key={app}>
                  {app}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <p class="error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? strings.signingIn : strings.signIn}
        </button>
      </form>
    </AuthFrame>
  )
}

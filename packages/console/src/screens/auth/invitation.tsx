import type { InvitationInfo } from '@triage/protocol'
import { h } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { auth } from '../../api/api.ts'
import { ApiError } from '../../api/transport.ts'
import { fill, t } from '../../i18n/index.ts'
import { base, navigate } from '../../state/router.ts'
import { acceptInvitation } from '../../state/session.ts'
import { AuthFrame } from './auth-frame.tsx'
import { signInError } from './sign-in.tsx'

/** The shortest password the server takes (docs/console-api.md): said before sending. */
export const minPasswordLength = 12

/**
 * From an invitation link (`/console/invitation#<token>`): shows whom it invites, lets them name
 * themself (when the admin gave no name) and set a password, then signs them in.
 */
export function InvitationScreen({ token }: { token: string }) {
  const strings = t.value
  const [info, setInfo] = useState<InvitationInfo | null>(null)
  const [invalid, setInvalid] = useState(!token)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (!token) return
    auth.invitation(token).then(setInfo, (caught: unknown) => (caught instanceof ApiError && caught.status === 404 ? setInvalid(true) : setError(signInError(caught))))
  }, [token])
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const password = String(form.get('password') ?? '')
    if (password.length < minPasswordLength) return setError(strings.passwordTooShort)
    if (password !== String(form.get('confirm') ?? '')) return setError(strings.passwordsDiffer)
    setBusy(true)
    setError('')
    try {
      await acceptInvitation(token, password, String(form.get('name') ?? '').trim() || undefined)
      navigate(base, { replace: true })
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) setInvalid(true)
      else setError(signInError(caught))
    } finally {
      setBusy(false)
    }
  }
  if (invalid) {
    return (
      <AuthFrame title={strings.invitationTitle}>
        <p class="error" role="alert">
          {strings.invitationInvalid}
        </p>
      </AuthFrame>
    )
  }
  return (
    <AuthFrame title={strings.invitationTitle}>
      <p>{info ? fill(strings.invitationFor, { email: info.email, app: info.appName, role: info.role }) : strings.loading}</p>
      <form class="auth-form" onSubmit={(event) => void submit(event)}>
        <label>
          <span>{strings.yourName}</span>
          <input name="name" autoComplete="name" required={!info?.name} maxLength={200} defaultValue={info?.name ?? ''} data-autofocus />
        </label>
        <label>
          <span>{strings.newPassword}</span>
          <input name="password" type="password" autoComplete="new-password" required minLength={minPasswordLength} maxLength={200} aria-describedby="password-hint" />
          <span id="password-hint" class="hint">
            {strings.passwordHint}
          </span>
        </label>
        <label>
          <span>{strings.confirmPassword}</span>
          <input name="confirm" type="password" autoComplete="new-password" required />
        </label>
        <p class="error" role="alert">
          {error}
        </p>
        <button type="submit" class="primary" disabled={busy || !info}>
          {strings.setPassword}
        </button>
      </form>
    </AuthFrame>
  )
}

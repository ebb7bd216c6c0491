import { signal } from '@preact/signals'
import type { SessionAgent } from '@triage/protocol'
import { auth } from '../api/api.ts'
import { ApiError } from '../api/transport.ts'

/** Who is signed in: unknown until the first answer, then the agent or null (the sign-in screen). */
export const agent = signal<SessionAgent | null | undefined>(undefined)

/** Asks the server who holds this browser's session cookie. */
export async function loadSession(): Promise<void> {
  try {
    agent.value = (await auth.session()).agent
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) agent.value = null
    else throw error
  }
}

/** The session ended (sign-out, expiry, an admin disabled the account): back to sign-in. */
export function signedOut(): void {
  agent.value = null
}

export async function signIn(email: string, password: string, appId?: string): Promise<void> {
  agent.value = (await auth.signIn(email, password, appId)).agent
}

export async function acceptInvitation(token: string, password: string, name?: string): Promise<void> {
  agent.value = (await auth.acceptInvitation(token, password, name)).agent
}

export async function signOut(): Promise<void> {
  await auth.signOut().catch(() => undefined)
  signedOut()
}

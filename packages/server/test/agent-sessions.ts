import type { AgentInvitation, AgentSession } from '@triage/protocol'

/** What a browser sends with a signed-in console request: the session cookie, from the console's own origin. */
export interface SignedIn {
  cookie: string
  session: AgentSession
  /** Headers of a same-origin request carrying the session. */
  headers: Record<string, string>
}

/** The session cookie a response set, as `name=value` (what a browser sends back), and its attributes. */
export function sessionCookieOf(response: Response): { cookie: string; attributes: string } | undefined {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('triage_session='))
  if (!header) return undefined
  const [cookie = '', ...attributes] = header.split(';').map((part) => part.trim())
  return { cookie, attributes: attributes.join('; ') }
}

function signedIn(server: { url: string }, response: Response, session: AgentSession): SignedIn {
  const set = sessionCookieOf(response)
  if (!set) throw new Error(`no session cookie in the answer (HTTP ${response.status})`)
  return { cookie: set.cookie, session, headers: { cookie: set.cookie, origin: new URL(server.url).origin } }
}

/** `POST /v1/auth/sign-in` as the console sends it. */
export function postSignIn(server: { url: string }, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(server.url).origin, ...headers },
    body: JSON.stringify(body),
  })
}

export async function signIn(server: { url: string }, email: string, password: string): Promise<SignedIn> {
  const response = await postSignIn(server, { email, password })
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`)
  return signedIn(server, response, (await response.json()) as AgentSession)
}

/** The token of an invitation link (after the `#`). */
export function tokenOf(invitation: AgentInvitation): string {
  return new URL(invitation.inviteUrl).hash.slice(1)
}

/** An admin key invites someone; they open the link and set their password, which signs them in. */
export async function inviteAndSignUp(
  server: { url: string },
  adminKey: string,
  person: { email: string; role: 'l1' | 'l2' | 'l3' | 'admin'; name: string; password?: string },
): Promise<SignedIn & { invitation: AgentInvitation; password: string }> {
  const invited = await fetch(`${server.url}/v1/admin/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, role: person.role, name: person.name }),
  })
  if (invited.status !== 201) throw new Error(`inviting ${person.email} answered ${invited.status}: ${await invited.text()}`)
  const invitation = (await invited.json()) as AgentInvitation
  const password = person.password ?? `${person.name} has a long password`
  const accepted = await fetch(`${server.url}/v1/auth/invitations/${tokenOf(invitation)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(server.url).origin },
    body: JSON.stringify({ password }),
  })
  if (accepted.status !== 200) throw new Error(`accepting the invitation of ${person.email} answered ${accepted.status}: ${await accepted.text()}`)
  return { ...signedIn(server, accepted, (await accepted.json()) as AgentSession), invitation, password }
}

/** A request signed in by the session, from the console's origin. */
export function asAgent(server: { url: string }, agent: SignedIn, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...agent.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

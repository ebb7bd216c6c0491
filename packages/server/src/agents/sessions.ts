/**
 * Signing people in and out: sessions, the sign-in with its throttling, invitations accepted.
 * A session is a random token in an HttpOnly cookie; only its SHA-256 is stored, with its end.
 */
import type { AgentSession, InvitationAccept, InvitationInfo, SignInRequest } from '@triage/protocol'
import type { Locale } from '@triage/engine'
import type { AgentCaller } from '../domain/callers.ts'
import { randomToken, sha256 } from '../security/crypto.ts'
import type { AgentAuthOptions, ServiceContext } from '../domain/context.ts'
import { DomainError } from '../domain/errors.ts'
import {
  acceptInvitation as storeAcceptance,
  deleteExpiredAuth,
  deleteSession,
  findInvitation,
  findSession,
  insertSession,
  signInCandidates,
  updateAgent,
} from '../storage/agents.ts'
import { deleteStaleFailures } from '../storage/sign-in-failures.ts'
import { hashPassword, needsRehash, spendVerificationTime, verifyPassword } from './passwords.ts'
import { defaultSignInThrottle, forgetAccountFailures, recordSignInFailure, signInHeldFor, throttleKeys } from './sign-in-throttle.ts'
import { toAgentSession } from './views.ts'

const hourMs = 3_600_000

/** The options in force: the context's, defaults elsewhere. */
export function agentAuthOptions(context: ServiceContext): AgentAuthOptions {
  return {
    sessionTtlMs: context.agentAuth?.sessionTtlMs ?? 12 * hourMs,
    signInThrottle: { ...defaultSignInThrottle, ...context.agentAuth?.signInThrottle },
  }
}

/** A signed-in session: what the answer says, and the token for the cookie (never stored). */
export interface OpenedSession {
  session: AgentSession
  token: string
  /** Seconds, for the cookie's Max-Age. */
  maxAgeSeconds: number
}

/** A new session token: 256 random bits, prefixed so a leaked one is recognisable in a log. */
const newToken = (prefix: string) => `${prefix}_${randomToken(32)}`

/** More accounts than this for one e-mail are not tried: each costs a slow hash. */
const maxCandidates = 5

/**
 * Checks an e-mail and password and opens a session. Failures count toward throttling per e-mail
 * and per address; an unknown e-mail, a wrong password, a disabled or not yet activated account
 * all answer the same 401, after the same work.
 */
export async function signIn(context: ServiceContext, request: SignInRequest, address: string): Promise<OpenedSession> {
  const { db } = context
  const options = agentAuthOptions(context)
  const keys = throttleKeys(request.email, address)
  const held = await signInHeldFor(db, [keys.account, keys.address], options.signInThrottle, context.now())
  if (held !== undefined) {
    throw new DomainError('throttled', `Too many failed sign-ins for this e-mail or from this network. Try again in ${held} s.`, { retryAfter: held })
  }
  const candidates = (await signInCandidates(db, request.email, maxCandidates)).filter((candidate) => request.appId === undefined || candidate.agent.appId === request.appId)
  if (candidates.length === 0) await spendVerificationTime(request.password)
  const matches: typeof candidates = []
  for (const candidate of candidates) {
    if (candidate.agent.passwordHash !== null && (await verifyPassword(request.password, candidate.agent.passwordHash))) matches.push(candidate)
  }
  const [match, ...others] = matches
  if (!match) {
    await recordSignInFailure(db, [keys.account, keys.address], options.signInThrottle, context.now())
    throw new DomainError('invalid_credentials', 'This e-mail and password do not match an account that can sign in. Check them, or ask your admin for a new invitation link.')
  }
  if (others.length > 0) {
    throw new DomainError('conflict', 'This e-mail and password open accounts in several apps: sign in again with appId, one of `allowed`.', {
      allowed: matches.map((candidate) => candidate.agent.appId),
    })
  }
  const { agent, appName } = match
  if (agent.passwordHash !== null && needsRehash(agent.passwordHash)) await updateAgent(db, agent.id, { passwordHash: await hashPassword(request.password) })
  await forgetAccountFailures(db, keys.account)
  const now = context.now()
  const token = newToken('ses')
  const expiresAt = now + options.sessionTtlMs
  await insertSession(db, { hash: await sha256(token), agentId: agent.id, createdAt: now, expiresAt })
  // Sign-ins are rare: the moment to forget what has expired.
  await Promise.all([deleteExpiredAuth(db, now), deleteStaleFailures(db, now - options.signInThrottle.windowMs)])
  return { session: toAgentSession(agent, appName, expiresAt), token, maxAgeSeconds: Math.floor(options.sessionTtlMs / 1000) }
}

/** Ends the session of this token, if any. */
export async function signOut(context: ServiceContext, token: string): Promise<void> {
  await deleteSession(context.db, await sha256(token))
}

export interface SessionCaller {
  caller: AgentCaller
  session: AgentSession
}

/** The agent a session token signs in, as an agent-API caller; undefined when unknown, expired or disabled. */
export async function callerOfSession(context: ServiceContext, token: string, locale: Locale): Promise<SessionCaller | undefined> {
  const found = await findSession(context.db, await sha256(token))
  if (!found || found.session.expiresAt <= context.now() || found.agent.disabledAt !== null || found.agent.passwordHash === null) return undefined
  const { agent } = found
  return {
    caller: { appId: agent.appId, keyId: null, agentId: agent.id, name: agent.name, role: agent.role, locale },
    session: toAgentSession(agent, found.appName, found.session.expiresAt),
  }
}

const invitationGone = () => new DomainError('not_found', 'This invitation link is unknown, already used or expired. Ask your Triage admin for a new one.')

async function pendingInvitation(context: ServiceContext, token: string) {
  const found = await findInvitation(context.db, await sha256(token))
  if (!found || found.invitation.expiresAt <= context.now()) throw invitationGone()
  if (found.agent.disabledAt !== null) throw new DomainError('conflict', 'This account is disabled. Ask your Triage admin to enable it.')
  return found
}

/** What the invitation page shows before a password is set. */
export async function invitationInfo(context: ServiceContext, token: string): Promise<InvitationInfo> {
  const { invitation, agent, appName } = await pendingInvitation(context, token)
  return { email: agent.email, name: agent.name, role: agent.role, appName, expiresAt: new Date(invitation.expiresAt).toISOString() }
}

/** Sets the invited person's password (and name), uses up the link, ends their other sessions and signs them in. */
export async function acceptInvitation(context: ServiceContext, token: string, request: InvitationAccept): Promise<OpenedSession> {
  const { agent, appName } = await pendingInvitation(context, token)
  const name = request.name ?? agent.name
  if (name === '') {
    throw new DomainError('invalid_input', 'The body is invalid: name is required: say how colleagues will see you.', { errors: [{ path: 'name', message: 'is required' }] })
  }
  const passwordHash = await hashPassword(request.password)
  const options = agentAuthOptions(context)
  const now = context.now()
  const sessionToken = newToken('ses')
  const expiresAt = now + options.sessionTtlMs
  if (!(await storeAcceptance(context.db, await sha256(token), { id: agent.id, name, passwordHash }, { hash: await sha256(sessionToken), createdAt: now, expiresAt }))) {
    throw invitationGone()
  }
  return { session: toAgentSession({ ...agent, name }, appName, expiresAt), token: sessionToken, maxAgeSeconds: Math.floor(options.sessionTtlMs / 1000) }
}

/** A new invitation token (for the link) and what is stored of it. */
export async function newInvitationToken(): Promise<{ token: string; hash: string }> {
  const token = newToken('inv')
  return { token, hash: await sha256(token) }
}

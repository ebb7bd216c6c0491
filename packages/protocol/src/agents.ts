/**
 * People, not keys (#18): agent accounts of an app, their invitations and sessions.
 * `/v1/auth/…` signs people in and out; `/v1/admin/agents…` manages accounts (admin key or admin
 * agent); `GET /v1/agents` lists colleagues.
 */
import type { AgentRole } from './admin.ts'

/** `invited`: no password set yet; `active`: can sign in; `disabled`: cannot sign in, sessions ended. */
export type AgentStatus = 'invited' | 'active' | 'disabled'

/** An agent account, as admins see it. */
export interface Agent {
  /** `agt_…`. Assign a ticket to this person with `assignee: "<id>"`. */
  id: string
  appId: string
  /** Lower-cased; one account per e-mail and app. */
  email: string
  /** What the timeline shows for what they do ("Ada escalated to L2"). */
  name: string
  /** Sees what a secret key of this role sees: l1 the L1 tickets, l2 L1–L2, l3 and admin all. */
  role: AgentRole
  status: AgentStatus
  createdAt: string
  lastSignInAt: string | null
}

/** A colleague, as every agent of the app sees them (`GET /v1/agents`): to show assignees by name. */
export interface Colleague {
  id: string
  name: string
  role: AgentRole
}

/** `GET /v1/agents`: the app's active agents, by name. */
export interface ColleagueList {
  items: Colleague[]
}

/** The signed-in person, as the session sees them. */
export interface SessionAgent {
  id: string
  appId: string
  appName: string
  email: string
  name: string
  role: AgentRole
}

/** `GET /v1/auth/session`, and the answer of a sign-in or an accepted invitation. */
export interface AgentSession {
  agent: SessionAgent
  /** ISO 8601: when the session ends; sign in again after. */
  expiresAt: string
}

/** `POST /v1/auth/sign-in`. */
export interface SignInRequest {
  email: string
  password: string
  /**
   * Only needed when one e-mail and password open accounts in several apps: the 409 answer then
   * lists their ids in `allowed`.
   */
  appId?: string
}

/** `GET /v1/auth/invitations/{token}`: what the invitation page shows before a password is set. */
export interface InvitationInfo {
  email: string
  /** The name the admin gave, or empty for the invited person to fill in. */
  name: string
  role: AgentRole
  appName: string
  expiresAt: string
}

/** `POST /v1/auth/invitations/{token}`: set the password (and name), which signs in. */
export interface InvitationAccept {
  /** Required when the admin gave none. */
  name?: string
  /** 12 to 200 characters. */
  password: string
}

/** `POST /v1/admin/agents`: invite a person: a new account, and its link to set a password. */
export interface AgentInvite {
  email: string
  role: AgentRole
  name?: string
}

/**
 * An invitation: a one-time link to set a password, valid for 7 days. The link is in this answer
 * only (only its hash is stored). A new link for an existing agent
 * (`POST /v1/admin/agents/{id}/invitation`) is how they reset a forgotten password: it works the
 * same, earlier links stop working, and setting the password ends their other sessions.
 */
export interface AgentInvitation {
  agent: Agent
  /** `<server>/console/invitation#<token>`: the console reads the token from the fragment, so it never reaches a server log. */
  inviteUrl: string
  expiresAt: string
}

/** `PATCH /v1/admin/agents/{id}`. Disabling ends every session of the agent at once. */
export interface AgentPatch {
  name?: string
  role?: AgentRole
  disabled?: boolean
}

/** `GET /v1/admin/agents`. */
export interface AgentList {
  items: Agent[]
}

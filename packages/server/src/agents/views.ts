import type { Agent, AgentSession, Colleague } from '@triage/protocol'
import type { AgentRow } from '../storage/agents.ts'

const iso = (ms: number) => new Date(ms).toISOString()

export function toAgent(row: AgentRow): Agent {
  return {
    id: row.id,
    appId: row.appId,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.disabledAt !== null ? 'disabled' : row.passwordHash === null ? 'invited' : 'active',
    createdAt: iso(row.createdAt),
    lastSignInAt: row.lastSignInAt === null ? null : iso(row.lastSignInAt),
  }
}

export function toColleague(row: AgentRow): Colleague {
  return { id: row.id, name: row.name, role: row.role }
}

export function toAgentSession(row: AgentRow, appName: string, expiresAt: number): AgentSession {
  return { agent: { id: row.id, appId: row.appId, appName, email: row.email, name: row.name, role: row.role }, expiresAt: iso(expiresAt) }
}

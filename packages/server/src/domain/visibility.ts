/**
 * Who sees what (docs/design.md, "Keys and trust"): an app's agents see its incidents up to their
 * tier (l1 sees L1, l2 L1–L2, l3 and admin all); a reporter sees their one report. Every read
 * and every derived view (lists, search, similar incidents, grouping, metrics, streams) filters
 * on these, so the rule lives once.
 */
import type { Tier } from '@triage/protocol'
import type { AgentCaller } from './callers.ts'

/** Who may touch an incident: an app's agents up to a tier, or the reporter of that one incident. */
export type Scope = { appId: string; maxTier: Tier } | { incidentId: string }

const tierRank: Record<Tier, number> = { L1: 1, L2: 2, L3: 3 }
const maxTierOf: Record<AgentCaller['role'], Tier> = { l1: 'L1', l2: 'L2', l3: 'L3', admin: 'L3' }

/** What an agent's key may see: their app, their tier and below (admins see all). */
export function agentScope(agent: AgentCaller): Extract<Scope, { maxTier: Tier }> {
  return { appId: agent.appId, maxTier: maxTierOf[agent.role] }
}

export function isVisibleTo(incident: { tier: Tier }, maxTier: Tier): boolean {
  return tierRank[incident.tier] <= tierRank[maxTier]
}

/** The tiers a key up to `maxTier` sees: what every list and derived view is filtered on. */
export function tiersVisibleTo(maxTier: Tier): Tier[] {
  return (['L1', 'L2', 'L3'] as const).filter((tier) => tierRank[tier] <= tierRank[maxTier])
}

import type { Priority, Tier } from '@triage/protocol'

export interface TierDecision {
  value: Tier
  reasons: string[]
}

/**
 * L1 by default. L3 takes high-priority incidents needing immediate attention and security
 * reports; data loss goes straight to the L2 specialists.
 */
export function route(category: string, priority: Priority): TierDecision {
  if (priority === 'P1') return { value: 'L3', reasons: ['P1: senior problem solvers take it at once'] }
  if (category === 'security') return { value: 'L3', reasons: ['security reports go to L3'] }
  if (category === 'data_loss') return { value: 'L2', reasons: ['data loss goes to the L2 specialists'] }
  return { value: 'L1', reasons: ['first line handles it first'] }
}

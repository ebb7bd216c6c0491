import { findAgentByEmail, insertAgent, updateAgent } from '../storage/agents.ts'
import type { Database } from '../db/database.ts'
import { hashPassword, verifyPassword } from './passwords.ts'

export interface DemoAgent {
  email: string
  /** Known when it signs in with it: just set, given by the environment, or still the default. */
  password: string | undefined
  created: boolean
}

/**
 * Makes sure the demo app has an admin agent who can sign in to the console: created at the first
 * start; a password given by the environment is (re)applied at every start; the default one is
 * left alone once someone changed it (then the banner cannot print it).
 */
export async function ensureDemoAgent(db: Database, appId: string, demo: { email: string; password: string; passwordGiven: boolean }, now = Date.now()): Promise<DemoAgent> {
  const existing = await findAgentByEmail(db, appId, demo.email)
  if (!existing) {
    const agent = await insertAgent(db, { appId, email: demo.email, name: 'Demo admin', role: 'admin' }, now)
    await updateAgent(db, agent.id, { passwordHash: await hashPassword(demo.password) })
    return { email: demo.email, password: demo.password, created: true }
  }
  const matches = existing.passwordHash !== null && (await verifyPassword(demo.password, existing.passwordHash))
  if (matches) return { email: demo.email, password: demo.password, created: false }
  if (!demo.passwordGiven) return { email: demo.email, password: undefined, created: false }
  await updateAgent(db, existing.id, { passwordHash: await hashPassword(demo.password) })
  return { email: demo.email, password: demo.password, created: false }
}

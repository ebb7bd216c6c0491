import type { ServiceContext } from '../services/context.ts'

/** The caller as authenticated by a publishable key. */
export interface PublicCaller {
  appId: string
}

/** The caller as authenticated by a secret key: an agent or integration of one app. */
export interface AgentCaller {
  appId: string
  keyId: string
  name: string
  role: 'l1' | 'l2' | 'l3' | 'admin'
}

/** Hono's typing of what middleware hands to routes. */
export interface AppEnv {
  Variables: {
    services: ServiceContext
    publicCaller: PublicCaller
    agent: AgentCaller
  }
}

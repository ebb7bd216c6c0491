/**
 * @triage/server — the Triage API. Entries: `src/node.ts` (Node, `npm start`) and `src/worker.ts`
 * (Cloudflare Workers). This module is for embedding (tests start it with `@triage/testing`).
 */
export { createApp } from './app.ts'
export type { TriageApp } from './app.ts'
export { startNodeServer } from './node-server.ts'
export type { RunningServer } from './node-server.ts'
export { insertAppWithKeys } from './bootstrap.ts'
export { readNodeConfig } from './config.ts'
export type { NodeConfig } from './config.ts'
export { openLibsql } from './storage/open-libsql.ts'
export type { ServiceContext } from './domain/context.ts'

import { defineConfig } from 'drizzle-kit'

// `npm run db:generate` writes a new SQL migration here after a schema change; the server applies
// pending migrations at start (Node) and wrangler applies the same files to D1.
export default defineConfig({
  dialect: 'sqlite',
  schema: './packages/server/src/db/schema.ts',
  out: './packages/server/drizzle',
})

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibsql } from '../../src/storage/open-libsql.ts'
import type { FlowFixture } from '../flows/fixture.ts'
import { seedFlowFixture } from '../flows/fixture.ts'
import type { FlowTarget } from '../flows/target.ts'
import { recordSql } from './seed-sql.ts'
import { startWranglerDev, wrangler } from './wrangler.ts'

export interface WorkersTarget extends FlowTarget {
  /** What `wrangler deploy --dry-run` printed. */
  build: string
}

/** A local D1 database, migrated with `wrangler d1 migrations apply` and seeded with the fixture. */
async function seedD1(stateDir: string, persistTo: string): Promise<{ fixture: FlowFixture; args: string[] }> {
  const seed = await recordSql((db) => seedFlowFixture(db))
  writeFileSync(join(stateDir, 'seed.sql'), seed.sql)
  await wrangler(['d1', 'migrations', 'apply', 'triage', '--local', '--persist-to', persistTo], stateDir)
  await wrangler(['d1', 'execute', 'triage', '--local', '--persist-to', persistTo, '--file', join(stateDir, 'seed.sql')], stateDir)
  // `DATABASE_URL:` (empty) keeps the Worker on D1 whatever a developer's .dev.vars says.
  return { fixture: seed.value, args: ['--var', 'DATABASE_URL:'] }
}

/**
 * A Turso database (any libSQL server), migrated and seeded from here with the Node client. The
 * Worker gets its URL and token from an env file, kept out of the process list.
 */
async function seedTurso(stateDir: string, url: string, authToken: string | undefined): Promise<{ fixture: FlowFixture; args: string[] }> {
  const { db, close } = await openLibsql({ url, authToken })
  try {
    const fixture = await seedFlowFixture(db)
    const envFile = join(stateDir, 'turso.env')
    writeFileSync(envFile, `DATABASE_URL=${url}\nDATABASE_AUTH_TOKEN=${authToken ?? ''}\n`, { mode: 0o600 })
    return { fixture, args: ['--env-file', envFile] }
  } finally {
    close()
  }
}

/**
 * The Workers build in real workerd: `wrangler dev` serves the bundle that `wrangler deploy`
 * would upload, with the repository's wrangler.toml (its D1 and rate-limit bindings), on a local
 * D1 database seeded with the flows' fixture — or, with TRIAGE_TURSO_URL (and
 * TRIAGE_TURSO_AUTH_TOKEN) set, on that Turso database. About 10 s: start it once per test file.
 */
export async function startWorkersTarget(): Promise<WorkersTarget> {
  const stateDir = mkdtempSync(join(tmpdir(), 'triage-workers-'))
  const persistTo = join(stateDir, 'state')
  const outdir = join(stateDir, 'dist')
  const tursoUrl = process.env['TRIAGE_TURSO_URL']
  const [build, storage] = await Promise.all([
    wrangler(['deploy', '--dry-run', '--outdir', outdir], stateDir),
    tursoUrl ? seedTurso(stateDir, tursoUrl, process.env['TRIAGE_TURSO_AUTH_TOKEN']) : seedD1(stateDir, persistTo),
  ])
  const worker = await startWranglerDev(
    [join(outdir, 'worker.js'), '--config', 'wrangler.toml', '--no-bundle', '--local', '--persist-to', persistTo, ...storage.args],
    stateDir,
  ).catch((error: unknown) => {
    rmSync(stateDir, { recursive: true, force: true })
    throw error
  })
  return {
    runtime: 'Workers',
    url: worker.url,
    fixture: storage.fixture,
    build,
    // The Cron Trigger, as Cloudflare fires it; wrangler dev answers once the handler is done.
    runScheduled: async () => {
      const response = await fetch(`${worker.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}`)
      const outcome = await response.text()
      if (response.status !== 200) throw new Error(`the scheduled handler ended with "${outcome}" (HTTP ${response.status})`)
    },
    output: worker.output,
    stop: async () => {
      await worker.stop()
      rmSync(stateDir, { recursive: true, force: true })
    },
  }
}

/**
 * The real server in its own process (`node packages/server/src/node.ts`) on a fresh libSQL file,
 * for tests that kill it with SIGKILL and start it again on the same file. Every process started is
 * killed and the folder removed after the file's tests.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

const entry = fileURLToPath(new URL('../src/node.ts', import.meta.url))

export interface ServerProcess {
  url: string
  child: ChildProcess
}

export function serverProcesses(folderPrefix: string) {
  const folder = mkdtempSync(join(tmpdir(), folderPrefix))
  const databaseUrl = `file:${join(folder, 'triage.db')}`
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    TRIAGE_DEMO_PK: `pk_${randomBytes(24).toString('base64url')}`,
    TRIAGE_DEMO_SK: `sk_${randomBytes(24).toString('base64url')}`,
    TRIAGE_SECRET: randomBytes(32).toString('hex'),
    TRIAGE_RATE_LIMIT: '0',
  }
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    rmSync(folder, { recursive: true, force: true })
  })

  /** Starts the server on a free port; resolves with its URL once it listens. */
  async function start(): Promise<ServerProcess> {
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    let output = ''
    const url = await new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString()
        const match = /(?:listening on|is up at) (http:\/\/\S+)/.exec(output)
        if (match?.[1]) resolve(match[1])
      }
      child.stdout?.on('data', read)
      child.stderr?.on('data', read)
      child.once('exit', (code, signal) => reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`)))
    })
    return { url, child }
  }

  /** Resolves once the process has exited (at once if it already has). */
  const stopped = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)))

  return { env, databaseUrl, start, stopped }
}

import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// `npm start` (scripts/start.ts) in a child process: what it can check in a second, it checks
// before it spends a build.
const start = fileURLToPath(new URL('start.ts', import.meta.url))

function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Stopped after 15 s: a start that got past its checks would otherwise build and serve on.
    const child = spawn(process.execPath, [start], { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 15_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('npm start, before building', () => {
  it('stops on a port in use with one line that names PORT, and never reaches the build', async () => {
    const busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const { port } = busy.address() as AddressInfo
    try {
      const result = await run({ PORT: String(port) })
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(
        `Triage cannot start: port ${port} on 127.0.0.1 is already in use (PORT=${port}). Stop the program that uses it, or choose another port: PORT=${port + 1} npm start\n`,
      )
      // The build step always says what it does ("build: up to date…" or "build: building…").
      expect(result.stdout).not.toContain('build:')
    } finally {
      busy.close()
    }
  })

  it('stops on a setting that cannot be, in one line', async () => {
    const result = await run({ PORT: '8787', TRIAGE_RATE_LIMIT: 'lots' })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('Triage cannot start: TRIAGE_RATE_LIMIT must be a whole number of requests per minute (0 turns it off), not "lots".\n')
    expect(result.stdout).not.toContain('build:')
  })
})

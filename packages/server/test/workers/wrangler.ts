import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/** The repository root: wrangler.toml lives there. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

// Wrangler 4 needs Node >= 22.12: use the repo's `node@22` binary even when the tests run on another Node.
const repoNode = join(repoRoot, 'node_modules/.bin/node')
const node = existsSync(repoNode) ? repoNode : process.execPath
const wranglerBin = join(repoRoot, 'node_modules/wrangler/bin/wrangler.js')

/**
 * Wrangler's environment for unattended runs: no prompts, metrics, error reports or config
 * watching; logs and the dev registry in `stateDir`; no `.env` file, so a developer's
 * DATABASE_URL cannot divert the Worker from the local D1 database.
 */
function wranglerEnv(stateDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CI: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    WRANGLER_CI_DISABLE_CONFIG_WATCHING: 'true',
    WRANGLER_LOG_PATH: join(stateDir, 'logs'),
    WRANGLER_REGISTRY_PATH: join(stateDir, 'registry'),
    CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV: 'false',
  }
}

/** Runs one wrangler command to its end and answers what it printed; rejects with that when it fails. */
export async function wrangler(args: string[], stateDir: string): Promise<string> {
  try {
    const { stdout, stderr } = await promisify(execFile)(node, [wranglerBin, ...args], {
      cwd: repoRoot,
      env: wranglerEnv(stateDir),
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    })
    return `${stdout}\n${stderr}`
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`wrangler ${args.join(' ')} failed:\n${stdout}\n${stderr}`, { cause: error })
  }
}

/** A port that was free a moment ago on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface WranglerDev {
  url: string
  /** Everything wrangler printed so far, for failure messages. */
  output: () => string
  /** Stops wrangler, its Node child and workerd (the whole process group). */
  stop: () => Promise<void>
}

/**
 * `wrangler dev` serving `args` (script, config, persist folder…) from workerd on a free
 * loopback port, resolved once wrangler says it is ready. No request is sent before: the first
 * one the tests send meets a cold isolate, as the first burst after a deploy does.
 */
export async function startWranglerDev(args: string[], stateDir: string, readyWithinMs = 45_000): Promise<WranglerDev> {
  const [port, inspectorPort] = [await freePort(), await freePort()]
  // A group of its own, so one signal reaches wrangler.js, the CLI it spawns, and workerd.
  const child = spawn(
    node,
    [wranglerBin, 'dev', ...args, '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--show-interactive-dev-session=false'],
    { cwd: repoRoot, env: wranglerEnv(stateDir), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  const collect = (chunk: Buffer) => (output += chunk.toString().replace(ansiEscapes, ''))
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  // If the test process dies first (a crash, a timeout), take the group down with it.
  const pid = child.pid
  if (pid === undefined) throw new Error('wrangler dev did not start')
  const killOnExit = () => signalGroup(pid, 'SIGKILL')
  process.once('exit', killOnExit)

  const stop = async () => {
    process.off('exit', killOnExit)
    // SIGINT, as Ctrl-C in a terminal: wrangler disposes of workerd and exits.
    signalGroup(pid, 'SIGINT')
    for (let waited = 0; groupAlive(pid) && waited < 5_000; waited += 100) await delay(100)
    signalGroup(pid, 'SIGKILL')
  }

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + readyWithinMs
  // An [ERROR] before it is ready (the script failed to load) will not go away: stop waiting.
  while (!output.includes(`Ready on ${url}`) && child.exitCode === null && !output.includes('[ERROR]') && Date.now() < deadline) {
    await delay(100)
  }
  if (!output.includes(`Ready on ${url}`)) {
    await stop()
    throw new Error(`wrangler dev was not ready on ${url} (waited at most ${readyWithinMs} ms):\n${output}`)
  }
  return { url, output: () => output, stop }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

// Colour codes, which wrangler prints even with NO_COLOR.
const ansiEscapes = /\x1b\[[0-9;]*m/g

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

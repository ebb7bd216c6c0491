import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Context, Hono } from 'hono'
import type { AppEnv } from './http/env.ts'
import { pagePolicy } from './http/page-policy.ts'
import { problem } from './http/problem.ts'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * On Node, the API also serves the script-tag example at `/` (with the demo key filled in)
 * and the built widget at `/widget.js`, so `npm start` shows the widget working.
 */
export function serveExamples(app: Hono<AppEnv>, publishableKey: string): void {
  const examplePage = async (path: string) =>
    (await readFile(`${repoRoot}${path}`, 'utf8'))
      .replaceAll('pk_your_publishable_key', publishableKey)
      .replaceAll('src="../../packages/widget/dist/widget.js"', 'src="/widget.js"')
  // Every page goes out under a strict Content-Security-Policy (see page-policy.ts).
  const servePage = (path: string) => async (c: Context<AppEnv>) => {
    const html = await examplePage(path)
    c.header('content-security-policy', await pagePolicy(html))
    return c.html(html)
  }
  app.get('/', servePage('examples/script-tag/index.html'))
  // The SDK used directly with a custom form (no widget).
  app.get('/examples/sdk-browser/', servePage('examples/sdk-browser/index.html'))
  app.get('/examples/sdk-browser/app.js', async (c) =>
    c.body(await readFile(`${repoRoot}examples/sdk-browser/app.js`, 'utf8'), 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  )
  // The widget's built files (widget.js, and the lazily loaded panel next to it), and the SDK.
  const builds: Record<string, string> = { '/sdk.js': 'packages/sdk/dist/sdk.js' }
  app.get('/:file{[a-z][a-z-]*\\.js}', async (c) => {
    const path = builds[c.req.path] ?? `packages/widget/dist${c.req.path}`
    try {
      const script = await readFile(`${repoRoot}${path}`, 'utf8')
      return c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' })
    } catch {
      return problem('not_found', 404, `No built file ${c.req.path}. Run npm run build (npm start does it for you).`)
    }
  })
}

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ConsoleFiles } from './routes.ts'
import { contentTypeOf } from './routes.ts'

/** Where `npm run build` writes the console (rollup.config.mjs), and what wrangler.toml serves. */
export const consoleDist = fileURLToPath(new URL('../../../console/dist/', import.meta.url))

/** The console's built files from a folder, read when asked (a rebuild shows without a restart). */
export function consoleFilesIn(folder: string = consoleDist): ConsoleFiles {
  const read = async (name: string) => {
    try {
      return await readFile(join(folder, name))
    } catch {
      return undefined
    }
  }
  return {
    async read(name) {
      const bytes = await read(name)
      return bytes && { body: new Uint8Array(bytes).buffer, contentType: contentTypeOf(name) }
    },
    async page() {
      return (await read('index.html'))?.toString('utf8')
    },
  }
}

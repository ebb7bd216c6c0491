// Attachments on the Node server (bytes in the libSQL file, 1 MiB rows): upload and download time
// per size, the event loop's longest stall while they run (what a report arriving meanwhile would
// wait), and how much the database file grows per byte stored. In-process, so the loop measured is
// the server's own. Run: `npm run bench:attachments [rounds]` (default 8 per size).
import { statSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { startEphemeralServer } from '@triage/testing/ephemeral-server'

const rounds = Number(process.argv[2] ?? 8)
const sizes = [100 * 1024, 1024 * 1024, 10 * 1024 * 1024]

const server = await startEphemeralServer({ rateLimitPerMinute: 0 })
const databaseBytes = () => ['triage.db', 'triage.db-wal'].reduce((sum, name) => sum + (statSync(join(server.dataDirectory, name), { throwIfNoEntry: false })?.size ?? 0), 0)
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const label = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`)

console.log(`attachments: ${rounds} rounds per size, Node server in-process (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs)`)
let stored = 0
const before = databaseBytes()
try {
  for (const size of sizes) {
    const uploads: number[] = []
    const downloads: number[] = []
    const stalls = { upload: 0, download: 0 }
    for (let round = 0; round < rounds; round++) {
      const report = (await (
        await fetch(`${server.url}/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-triage-key': server.publishableKey },
          body: JSON.stringify({ symptoms: `The export fails, log attached (round ${round})` }),
        })
      ).json()) as { id: string; reporterToken: string }
      // Different bytes every round: nothing is deduplicated.
      const bytes = new Uint8Array(size).fill(0x61 + (round % 26))
      bytes.set(new TextEncoder().encode(`${size} ${round} ${Math.random()}\n`))
      const form = new FormData()
      form.append('file', new Blob([bytes], { type: 'text/plain' }), 'server.log')

      const loop = monitorEventLoopDelay({ resolution: 1 })
      loop.enable()
      let start = performance.now()
      const upload = await fetch(`${server.url}/v1/reports/${report.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${report.reporterToken}` }, body: form })
      const { id } = (await upload.json()) as { id: string }
      uploads.push(performance.now() - start)
      loop.disable()
      stalls.upload = Math.max(stalls.upload, loop.max / 1e6)
      if (upload.status !== 201) throw new Error(`upload answered ${upload.status}`)
      stored += size

      loop.reset()
      loop.enable()
      start = performance.now()
      const download = await fetch(`${server.url}/v1/incidents/${report.id}/attachments/${id}`, { headers: { authorization: `Bearer ${server.secretKey}` } })
      const length = (await download.arrayBuffer()).byteLength
      downloads.push(performance.now() - start)
      loop.disable()
      stalls.download = Math.max(stalls.download, loop.max / 1e6)
      if (length !== size) throw new Error(`downloaded ${length} bytes of ${size}`)
    }
    const rate = (ms: number) => `${(size / 1024 / 1024 / (ms / 1000)).toFixed(0)} MiB/s`
    console.log(
      `${label(size).padStart(8)}  upload median ${median(uploads).toFixed(1)} ms (${rate(median(uploads))}), longest loop stall ${stalls.upload.toFixed(1)} ms` +
        ` · download median ${median(downloads).toFixed(1)} ms (${rate(median(downloads))}), longest loop stall ${stalls.download.toFixed(1)} ms`,
    )
  }
  console.log(
    `database file: +${((databaseBytes() - before) / 1024 / 1024).toFixed(1)} MiB for ${(stored / 1024 / 1024).toFixed(1)} MiB of attachments (${((databaseBytes() - before) / stored).toFixed(2)}×)`,
  )
} finally {
  await server.stop()
}

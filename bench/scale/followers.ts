/**
 * Many reporters following their reports live (Server-Sent Events) while nothing changes, then one
 * change that reaches all of them: what an idle follower costs, and how fast a change fans out.
 */
import { Agent, request } from 'node:http'
import type { IncomingMessage } from 'node:http'

export interface Follower {
  id: string
  reporterToken: string
}

export interface FollowerSet {
  /** Streams that answered 200 and sent their first view. */
  open: number
  refused: Record<string, number>
  /** Resolves with the times (performance.now()) each stream first saw `status`. */
  whenStatus: (status: string) => Promise<number[]>
  /**
   * Per follower, ms from its report's change (the view's updatedAt, written by the server on this
   * machine's clock) to the moment the follower read it: the fan-out alone, without the writes.
   */
  lagsOf: (status: string) => number[]
  close: () => void
}

/** Opens one SSE stream per follower, a few hundred at a time, and waits for each first view. */
export async function openFollowers(url: string, followers: Follower[], log: (line: string) => void): Promise<FollowerSet> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity })
  const sockets: IncomingMessage[] = []
  const refused: Record<string, number> = {}
  const firstSeen = new Map<string, number[]>()
  const lags = new Map<string, number[]>()
  const waiters: { status: string; resolve: (times: number[]) => void }[] = []
  let open = 0

  const seen = (status: string, updatedAt: string) => {
    const lag = Date.now() - Date.parse(updatedAt)
    lags.set(status, [...(lags.get(status) ?? []), lag])
    const at = performance.now()
    const times = firstSeen.get(status) ?? []
    times.push(at)
    firstSeen.set(status, times)
    for (const waiter of waiters) if (waiter.status === status && times.length === open) waiter.resolve(times)
  }

  const connect = (follower: Follower) =>
    new Promise<void>((resolve) => {
      const req = request(`${url}/v1/reports/${follower.id}/events?token=${follower.reporterToken}`, { agent, headers: { accept: 'text/event-stream' } }, (response) => {
        if (response.statusCode !== 200) {
          refused[String(response.statusCode)] = (refused[String(response.statusCode)] ?? 0) + 1
          response.resume()
          resolve()
          return
        }
        sockets.push(response)
        response.setEncoding('utf8')
        let buffer = ''
        let status: string | undefined
        let first = true
        response.on('data', (chunk: string) => {
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const message = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const data = /^data: (.*)$/m.exec(message)?.[1]
            if (!data || !/^event: report$/m.test(message)) continue
            const view = JSON.parse(data) as { status: string; updatedAt: string }
            if (first) {
              first = false
              open++
              resolve()
            }
            if (view.status !== status) {
              status = view.status
              seen(view.status, view.updatedAt)
            }
          }
        })
        response.on('error', () => {})
      })
      req.on('error', (error) => {
        refused[error.message] = (refused[error.message] ?? 0) + 1
        resolve()
      })
      req.end()
    })

  const batch = 250
  for (let at = 0; at < followers.length; at += batch) {
    await Promise.all(followers.slice(at, at + batch).map(connect))
    if ((at / batch) % 8 === 0) log(`  followers open: ${open.toLocaleString('en-US')}`)
  }
  return {
    get open() {
      return open
    },
    refused,
    whenStatus: (status) =>
      new Promise((resolve) => {
        const times = firstSeen.get(status) ?? []
        if (times.length === open && open > 0) resolve(times)
        else waiters.push({ status, resolve })
      }),
    lagsOf: (status) => lags.get(status) ?? [],
    close: () => {
      for (const socket of sockets) socket.destroy()
      agent.destroy()
    },
  }
}

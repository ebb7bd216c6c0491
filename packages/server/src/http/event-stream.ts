import type { Follower, FollowHub } from '../reports/follow-hub.ts'

const encoder = new TextEncoder()

/** A client that stops reading while this many events pile up is let go: its backlog is memory. */
const maxUnread = 64

/**
 * A report's live follow as a Server-Sent Events response (https://html.spec.whatwg.org/#server-sent-events):
 * `event: report` with the view, its version as `id`, comments as keep-alives, and `event: end`
 * when the follow's time is up. The body is one ReadableStream fed by the hub's callbacks, so an
 * open stream holds little more than its socket. `release` runs once when the stream ends, however
 * it ends. A wrong token throws (a 404) before any stream starts.
 */
export async function reportEventStream(hub: FollowHub, id: string, reporterToken: string, since: string | undefined, release: () => void): Promise<Response> {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined
  let stop: (() => void) | undefined
  let closed = false
  const close = () => {
    if (closed) return
    closed = true
    stop?.()
    release()
  }
  const send = (text: string) => {
    if (closed || !controller) return
    if ((controller.desiredSize ?? 0) < -maxUnread) {
      controller.error(new Error('the client stopped reading its event stream'))
      close()
      return
    }
    controller.enqueue(encoder.encode(text))
  }
  const body = new ReadableStream<Uint8Array>({
    start: (started) => {
      controller = started
    },
    cancel: close,
  })
  const follower: Follower = {
    update: (update) => send(`event: report\nid: ${update.version}\ndata: ${update.json}\n\n`),
    keepAlive: () => send(': keep-alive\n\n'),
    end: () => {
      send('event: end\ndata: \nretry: 1000\n\n')
      if (!closed) controller?.close()
      close()
    },
  }
  try {
    stop = await hub.follow(id, reporterToken, follower, since)
  } catch (error) {
    close()
    throw error
  }
  return new Response(body, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' },
  })
}

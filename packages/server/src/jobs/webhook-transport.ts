import type * as Dns from 'node:dns'
import type * as Http from 'node:http'
import type * as Https from 'node:https'
import type * as Net from 'node:net'
import { isPrivateAddress } from '../security/network-address.ts'

/** Posts one webhook delivery and answers the HTTP status; throws with what went wrong. */
export type WebhookPost = (url: string, request: { headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<number>

export interface TransportOptions {
  /** Let webhooks reach loopback, private and link-local addresses (a self-hosted intranet). Default false. */
  allowPrivateNetworks?: boolean
}

interface NodeModules {
  dns: typeof Dns
  http: typeof Http
  https: typeof Https
  net: typeof Net
}

const builtin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule
const nodeModules: NodeModules | undefined = builtin
  ? { dns: builtin('node:dns') as typeof Dns, http: builtin('node:http') as typeof Http, https: builtin('node:https') as typeof Https, net: builtin('node:net') as typeof Net }
  : undefined

/**
 * How webhooks leave this runtime. On Node, through node:http(s) with the addresses checked at
 * connect time (after DNS, so a name that resolves or rebinds to the server's own network is
 * refused, not just a literal IP). On Workers, fetch: Cloudflare's edge does not reach the
 * operator's private network.
 */
export function webhookTransport(options: TransportOptions = {}): WebhookPost {
  return nodeModules ? nodePost(nodeModules, options.allowPrivateNetworks ?? false) : fetchPost
}

const refusal = (host: string, address: string) =>
  new Error(`${host} resolves to ${address}, a private address: webhooks go to the public internet only (set TRIAGE_WEBHOOK_PRIVATE_NETWORKS=allow for a self-hosted intranet)`)

const fetchPost: WebhookPost = async (url, { headers, body, timeoutMs }) => {
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' })
  await response.body?.cancel()
  return response.status
}

function nodePost({ dns, http, https, net }: NodeModules, allowPrivate: boolean): WebhookPost {
  const guardedLookup: Net.LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0)
      const blocked = addresses.find(({ address }) => isPrivateAddress(address))
      if (blocked) return callback(refusal(hostname, blocked.address), '', 0)
      const [first] = addresses
      if (options.all) (callback as unknown as (error: null, all: Dns.LookupAddress[]) => void)(null, addresses)
      else if (first) callback(null, first.address, first.family)
      else callback(new Error(`${hostname} has no address`), '', 0)
    })
  }
  return (url, { headers, body, timeoutMs }) =>
    new Promise<number>((resolve, reject) => {
      const target = new URL(url)
      const host = target.hostname.replace(/^\[|\]$/g, '')
      // A literal IP is connected to without a lookup, so it is checked here.
      if (!allowPrivate && net.isIP(host) !== 0 && isPrivateAddress(host)) return reject(refusal(target.hostname, host))
      const request = (target.protocol === 'https:' ? https : http).request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          signal: AbortSignal.timeout(timeoutMs),
          ...(allowPrivate ? {} : { lookup: guardedLookup }),
        },
        (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        },
      )
      request.on('error', reject)
      request.end(body)
    })
}

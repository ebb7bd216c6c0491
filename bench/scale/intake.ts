/**
 * Intake under load: report ingestion alone, then while agents run metrics and searches, and a
 * major-incident spike of one outage told many ways.
 */
import autocannon from 'autocannon'
import type { Request } from 'autocannon'
import { randomBytes } from 'node:crypto'
import { reportBodies } from '../report-bodies.ts'

export interface Created {
  id: string
  reporterToken: string
}

export interface IntakeRun {
  requests: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  /** Idempotency keys answered 201, with what they answered. */
  acknowledged: Map<string, Created>
}

/** autocannon POSTing `bodies` round-robin, each with its own Idempotency-Key. */
export async function postReports(options: {
  url: string
  publishableKey: string
  bodies: string[]
  connections: number
  durationSeconds?: number
  amount?: number
}): Promise<IntakeRun> {
  const run = randomBytes(6).toString('hex')
  const acknowledged = new Map<string, Created>()
  let sequence = 0
  const requests: Request[] = [
    {
      method: 'POST',
      path: '/v1/reports',
      setupRequest: (request, context) => {
        sequence++
        const key = `scale-${run}-${sequence}`
        context['key'] = key
        return {
          ...request,
          headers: { 'content-type': 'application/json', 'x-triage-key': options.publishableKey, 'idempotency-key': key },
          body: options.bodies[sequence % options.bodies.length],
        }
      },
      onResponse: (status, body, context) => {
        if (status !== 201) return
        const created = JSON.parse(body) as Created
        acknowledged.set(String(context['key']), { id: created.id, reporterToken: created.reporterToken })
      },
    },
  ]
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    requests,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 8 }),
    timeout: 30,
  })
  return { requests: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, acknowledged }
}

export function everydayBodies(): string[] {
  return reportBodies(240)
}

/** One outage (checkout payments failing), as people under stress would tell it, in English and French. */
export function outageBodies(count: number): string[] {
  const phrasings = [
    'Payment fails at checkout with error 502',
    'checkout broken, card payment just spins and then bad gateway',
    'I cannot pay for my order, the payment page errors out',
    'Card declined?? no, the site says 502 when I click pay',
    'cant complete purchase, payment keeps failing',
    'The pay button does nothing and then shows an error',
    'Checkout is down for me and my colleagues',
    'payment error at the last step of checkout',
    'Le paiement échoue au moment de valider la commande',
    'Impossible de payer, erreur 502 sur la page de paiement',
    'la page de paiement tourne en boucle puis erreur',
    'Je ne peux pas finaliser ma commande, le paiement plante',
  ]
  return Array.from({ length: count }, (_, i) => {
    const french = i % phrasings.length >= 8
    return JSON.stringify({
      symptoms: `${phrasings[i % phrasings.length]}${i >= phrasings.length ? ` (${['again', 'now', 'still', 'help', 'urgent', '!!'][i % 6]})` : ''}`,
      answers: { impact: i % 3 === 0 ? 'everyone' : 'me', workaround: 'no' },
      context: { url: 'https://shop.example/checkout', locale: french ? 'fr-FR' : 'en-GB' },
    })
  })
}

/**
 * Runs `work` in a loop until `until` resolves: an agent who keeps reading while reports arrive.
 */
export async function whileRunning(until: Promise<unknown>, work: () => Promise<unknown>): Promise<number> {
  let done = false
  void until.finally(() => (done = true))
  let rounds = 0
  while (!done) {
    await work()
    rounds++
  }
  return rounds
}

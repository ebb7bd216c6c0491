import type { IncidentList } from '@triage/protocol'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ConsoleE2e } from './console-e2e.ts'
import { agentPage, fileReportByApi, startConsoleE2e } from './console-e2e.ts'

// Seen in the screenshots: a burst's six reports sat in a scroll box that cut the last one in half,
// and the update button, disabled until something is written, was hard to read in dark mode.
let e2e: ConsoleE2e
beforeAll(async () => (e2e = await startConsoleE2e()))
afterAll(() => e2e?.stop())

type Rgba = [number, number, number, number]
const rgba = (css: string): Rgba => {
  const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number)
  return [r, g, b, a]
}
/** `color` drawn at `alpha` (times its own) over the opaque `behind`. */
const over = ([r, g, b, a]: Rgba, [br, bg, bb]: Rgba, alpha = 1): Rgba => {
  const k = a * alpha
  return [r * k + br * (1 - k), g * k + bg * (1 - k), b * k + bb * (1 - k), 1]
}
/** WCAG 2.x contrast ratio of two opaque colours. */
function contrast(one: Rgba, other: Rgba): number {
  const luminance = ([r, g, b]: Rgba) => {
    const linear = (value: number) => (value / 255 <= 0.04045 ? value / 255 / 12.92 : ((value / 255 + 0.055) / 1.055) ** 2.4)
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
  }
  const [light, dark] = [luminance(one), luminance(other)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

it("shows a burst's six reports whole, and the disabled update button readable in dark mode", async () => {
  for (const tail of ['', ' again', ' for me too', ' since noon', ' on my phone', ' at checkout'])
    await fileReportByApi(e2e.server, `Checkout payment page fails with an error 502${tail}`)
  const majors = (await (await fetch(`${e2e.server.url}/v1/incidents?view=major`, { headers: { authorization: `Bearer ${e2e.server.secretKey}` } })).json()) as IncidentList
  const major = majors.items[0]
  if (!major) throw new Error('the outage did not open a major incident')

  const { page, context } = await agentPage(e2e, 'admin', 'Ada', { colorScheme: 'dark' })
  await page.goto(`${e2e.server.url}/console/incidents/${major.id}`)
  const children = page.getByTestId('children')
  await expect.poll(() => children.locator('li').count()).toBe(6)
  // Six rows fit: nothing is cut, nothing scrolls.
  expect.soft(await children.evaluate((list) => list.scrollHeight - list.clientHeight)).toBeLessThanOrEqual(0)

  const send = page.getByTestId('update-affected-send')
  expect(await send.isDisabled()).toBe(true)
  const { text, background, opacity, surface } = await send.evaluate((button) => {
    const style = getComputedStyle(button)
    return {
      text: style.color,
      background: style.backgroundColor,
      opacity: Number(style.opacity),
      surface: getComputedStyle(button.closest('.card') ?? document.body).backgroundColor,
    }
  })
  // The button as drawn: its background over the card, then the whole of it at its opacity.
  const card = rgba(surface)
  const face = over(rgba(background), card)
  expect.soft(contrast(over(rgba(text), card, opacity), over(face, card, opacity))).toBeGreaterThanOrEqual(4.5)
  await context.close()
}, 60_000)

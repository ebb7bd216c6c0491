/**
 * Round axis ticks from 0 to at least `max`: 0, 5, 10, 15 or 0, 0.2, 0.4… about `count` of them,
 * steps of 1, 2 or 5 × 10^n, as a person would draw the axis.
 * @example niceTicks(37) // [0, 10, 20, 30, 40]
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1]
  const rough = max / count
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power
  const ticks: number[] = []
  for (let value = 0; value < max + step - 1e-9; value += step) ticks.push(Number(value.toPrecision(12)))
  return ticks
}

/** Each known value's point in the box (for markers: a lone day between gaps still shows). */
export function linePoints(values: (number | null)[], width: number, height: number, top: number): { x: number; y: number; index: number }[] {
  const step = values.length > 1 ? width / (values.length - 1) : 0
  return values.flatMap((value, index) =>
    value === null || !Number.isFinite(value) ? [] : [{ x: values.length > 1 ? index * step : width / 2, y: height - (value / top) * height, index }],
  )
}

/**
 * The points of a line in a box, `null` values leaving a gap: an SVG path's `d`.
 * @param values one per slot along x, evenly spaced
 */
export function linePath(values: (number | null)[], width: number, height: number, top: number): string {
  const step = values.length > 1 ? width / (values.length - 1) : 0
  let path = ''
  let drawing = false
  for (const [index, value] of values.entries()) {
    if (value === null || !Number.isFinite(value)) {
      drawing = false
      continue
    }
    const x = values.length > 1 ? index * step : width / 2
    const y = height - (value / top) * height
    path += `${drawing ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`
    drawing = true
  }
  return path
}

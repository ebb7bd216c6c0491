import type { ComponentChildren } from 'preact'
import { Fragment, h } from 'preact'
import { locale, t } from '../../i18n/index.ts'
import { linePath, linePoints, niceTicks } from '../../lib/chart-scale.ts'

/**
 * Charts in hand-written SVG (see the console's README for why not a library): two kinds, a line
 * over days and bars, themed by the console's CSS colours, with every figure also in a table
 * for screen readers and for copying.
 */

export interface Series {
  label: string
  values: (number | null)[]
  /** 1–4: the console's chart colours. */
  color: 1 | 2 | 3 | 4
}

/** A day of the series (`YYYY-MM-DD`, UTC) as the agent writes it: "5 Nov", "5 nov.". */
const dayLabel = (day: string) => new Intl.DateTimeFormat(locale.value, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))

const width = 560
const height = 180
const left = 44
const bottom = 22

/** A card with a title, the chart, and its figures as a table. */
export function ChartCard({
  id,
  title,
  hint,
  summary,
  children,
  table,
}: {
  id: string
  title: string
  hint?: string
  summary: string
  children: ComponentChildren
  table: ComponentChildren
}) {
  const strings = t.value
  return (
    <figure class="chart-card" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        {hint ? <p class="hint">{hint}</p> : null}
      </figcaption>
      <div class="chart" role="img" aria-label={summary}>
        {children}
      </div>
      <details>
        <summary>{strings.chartTable}</summary>
        {table}
      </details>
    </figure>
  )
}

const plotWidth = width - left - 8
const plotHeight = height - bottom - 8

/**
 * The frame both day charts share: the y grid from zero to `top` with its labels, about six day
 * labels along x (at `xOf(index)`), and what the chart draws inside.
 */
function DayPlot({
  days,
  ticks,
  format,
  xOf,
  children,
}: {
  days: string[]
  ticks: number[]
  format: (value: number) => string
  xOf: (index: number) => number
  children: ComponentChildren
}) {
  const top = ticks[ticks.length - 1] ?? 1
  const every = Math.max(1, Math.ceil(days.length / 6))
  return (
    <svg viewBox={`0 0 ${width} ${height}`} class="chart-svg" aria-hidden="true" focusable="false">
      <g transform={`translate(${left},8)`}>
        {ticks.map((tick) => {
          const y = plotHeight - (tick / top) * plotHeight
          return (
            <g key={tick}>
              <line x1={0} x2={plotWidth} y1={y} y2={y} class="grid" />
              <text x={-6} y={y + 4} class="axis" text-anchor="end">
                {format(tick)}
              </text>
            </g>
          )
        })}
        {days.map((day, index) =>
          index % every === 0 ? (
            <text key={day} x={xOf(index)} y={plotHeight + 16} class="axis" text-anchor="middle">
              {dayLabel(day)}
            </text>
          ) : null,
        )}
        {children}
      </g>
    </svg>
  )
}

/** Lines over days (x: the days, y: from zero), a dot per known day, with a legend. */
export function LineChart({ days, series, format }: { days: string[]; series: Series[]; format: (value: number) => string }) {
  const ticks = niceTicks(Math.max(0, ...series.flatMap((line) => line.values.filter((value): value is number => value !== null))))
  const top = ticks[ticks.length - 1] ?? 1
  return (
    <>
      <DayPlot days={days} ticks={ticks} format={format} xOf={(index) => (days.length > 1 ? (index * plotWidth) / (days.length - 1) : plotWidth / 2)}>
        {series.map((line) => (
          <g key={line.label} class={`color-${line.color}`}>
            <path d={linePath(line.values, plotWidth, plotHeight, top)} class="line" />
            {linePoints(line.values, plotWidth, plotHeight, top).map((point) => (
              <circle key={point.index} cx={point.x} cy={point.y} r={2.5} class="dot" />
            ))}
          </g>
        ))}
      </DayPlot>
      <Legend series={series} />
    </>
  )
}

/** One bar per day. */
export function DayBars({ days, values, color = 1 }: { days: string[]; values: number[]; color?: Series['color'] }) {
  const ticks = niceTicks(Math.max(0, ...values))
  const top = ticks[ticks.length - 1] ?? 1
  const slot = plotWidth / Math.max(1, values.length)
  return (
    <DayPlot days={days} ticks={ticks} format={String} xOf={(index) => index * slot + slot / 2}>
      <g class={`color-${color}`}>
        {values.map((value, index) => {
          const barHeight = (value / top) * plotHeight
          return <rect key={index} x={index * slot + slot * 0.15} width={slot * 0.7} y={plotHeight - barHeight} height={barHeight} class="bar" />
        })}
      </g>
    </DayPlot>
  )
}

/** Horizontal bars with their labels and values written out (categories, tiers). */
export function LabelledBars({ rows, color = 1 }: { rows: { label: string; value: number }[]; color?: Series['color'] }) {
  const max = Math.max(1, ...rows.map((row) => row.value))
  return (
    <ul class="hbars" aria-hidden="true">
      {rows.map((row) => (
        <li key={row.label}>
          <span class="hbar-label">{row.label}</span>
          <svg viewBox="0 0 100 10" preserveAspectRatio="none" class={`hbar color-${color}`} focusable="false" aria-hidden="true">
            <rect x={0} y={0} height={10} width={(row.value / max) * 100} class="bar" />
          </svg>
          <span class="hbar-value">{row.value}</span>
        </li>
      ))}
    </ul>
  )
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul class="legend" aria-hidden="true">
      {series.map((line) => (
        <li key={line.label}>
          <span class={`swatch color-${line.color}`} />
          {line.label}
        </li>
      ))}
    </ul>
  )
}

/** Figures by row: the table beside a chart. */
export function FiguresTable({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <table class="figures">
      <thead>
        <tr>
          {head.map((cell) => (
            <th scope="col" key={cell}>
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {row.map((cell, column) =>
              column === 0 ? (
                <th scope="row" key={column}>
                  {cell}
                </th>
              ) : (
                <td key={column}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

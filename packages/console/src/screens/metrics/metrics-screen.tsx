import { signal } from '@preact/signals'
import type { MetricsDay, MetricsSeries } from '@triage/protocol'
import { Fragment, h } from 'preact'
import { useEffect } from 'preact/hooks'
import { metrics } from '../../api/api.ts'
import { categoryName, fill, formatPercent, locale, t } from '../../i18n/index.ts'
import '../../styles/metrics.css'
import { ErrorLine } from '../../ui/error-line.tsx'
import type { Series } from './charts.tsx'
import { ChartCard, DayBars, FiguresTable, LabelledBars, LineChart } from './charts.tsx'

const periods = [7, 30, 90] as const
const period = signal<(typeof periods)[number]>(30)
const series = signal<MetricsSeries | null>(null)
const failure = signal<unknown>(null)

/** `YYYY-MM-DD` of a day `daysAgo` before today (UTC, as the series counts days). */
const dayOf = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)

async function load(days: number): Promise<void> {
  failure.value = null
  try {
    series.value = await metrics.series(dayOf(days - 1), dayOf(0))
  } catch (error) {
    failure.value = error
  }
}

/** Hours with one decimal under 10, whole above: "0.5 h", "26 h". */
const hours = (minutes: number) => {
  const value = minutes / 60
  return fill(t.value.hours, { n: new Intl.NumberFormat(locale.value, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value) })
}
const minutesToHours = (minutes: number | null) => (minutes === null ? null : minutes / 60)
const percent = (share: number | null) => (share === null ? '–' : formatPercent(share))
const accuracyOf = (day: MetricsDay) => (day.classifier.handled > 0 ? (day.classifier.handled - day.classifier.corrected) / day.classifier.handled : null)

/**
 * The dashboard: response and resolution times over time, SLA attainment, volume by day and by
 * category, deflection, backlog by tier and the classifier against agents. Only the tiers the
 * agent may see count (the API decides).
 */
export function MetricsScreen() {
  const strings = t.value
  useEffect(() => void load(period.value), [period.value, locale.value])
  const data = series.value
  return (
    <section class="metrics" aria-labelledby="metrics-title">
      <div class="metrics-head">
        <h1 id="metrics-title">{strings.metricsTitle}</h1>
        <label class="compact">
          <span>{strings.period}</span>
          <select value={period.value} onChange={(event) => (period.value = Number(event.currentTarget.value) as (typeof periods)[number])} data-testid="period">
            {periods.map((days) => (
              <option value={days} key={days}>
                {fill(strings.lastDays, { days })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorLine error={failure.value} />
      {data ? <Dashboard data={data} /> : failure.value ? null : <p role="status">{strings.loading}</p>}
    </section>
  )
}

function Dashboard({ data }: { data: MetricsSeries }) {
  const strings = t.value
  const days = data.days.map((day) => day.date)
  const timeSeries = (pick: (day: MetricsDay) => MetricsDay['timeToFirstResponse']): Series[] => [
    { label: strings.median, values: data.days.map((day) => minutesToHours(pick(day).medianMinutes)), color: 1 },
    { label: strings.p90, values: data.days.map((day) => minutesToHours(pick(day).p90Minutes)), color: 2 },
  ]
  const hoursLabel = (value: number) => hours(value * 60)
  const timeTable = (pick: (day: MetricsDay) => MetricsDay['timeToFirstResponse']) => (
    <FiguresTable
      head={[strings.day, strings.median, strings.p90]}
      rows={data.days.map((day) => [
        day.date,
        pick(day).medianMinutes === null ? '–' : hours(pick(day).medianMinutes!),
        pick(day).p90Minutes === null ? '–' : hours(pick(day).p90Minutes!),
      ])}
    />
  )
  const attainment: Series[] = [
    { label: strings.slaFirstResponse, values: data.days.map((day) => day.firstResponseSla.attainment), color: 1 },
    { label: strings.slaResolution, values: data.days.map((day) => day.resolutionSla.attainment), color: 3 },
  ]
  const categories = data.categories
    .map((category) => ({ label: category.label || categoryName(category.value), value: data.days.reduce((sum, day) => sum + (day.byCategory[category.value] ?? 0), 0) }))
    .sort((a, b) => b.value - a.value)
  const backlog = Object.entries(data.backlog.byTier)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tier, value]) => ({ label: tier, value }))
  const accuracy: Series[] = [{ label: strings.classifierAccuracy, values: data.days.map(accuracyOf), color: 4 }]
  const deflections = data.days.map((day) => day.deflections)
  const overall = (pick: (day: MetricsDay) => MetricsDay['firstResponseSla']) => {
    const met = data.days.reduce((sum, day) => sum + pick(day).met, 0)
    const breached = data.days.reduce((sum, day) => sum + pick(day).breached, 0)
    return met + breached > 0 ? met / (met + breached) : null
  }
  return (
    <>
      <ul class="tiles" aria-label={strings.keyFigures}>
        <li>
          <span class="tile-label">{strings.volumeTotal}</span>
          <strong data-testid="tile-tickets">{data.totals.tickets}</strong>
        </li>
        <li>
          <span class="tile-label">{strings.slaAttainment}</span>
          <strong>{percent(overall((day) => day.resolutionSla))}</strong>
          <span class="meta">{strings.slaResolution}</span>
        </li>
        <li>
          <span class="tile-label">{strings.deflectionRate}</span>
          <strong data-testid="tile-deflection">{percent(data.totals.deflectionRate)}</strong>
          <span class="meta">{fill(strings.deflectionCount, { count: data.totals.deflections })}</span>
        </li>
        <li>
          <span class="tile-label">{strings.classifierAccuracy}</span>
          <strong data-testid="tile-accuracy">{percent(data.totals.classifierAccuracy)}</strong>
          <span class="meta">{fill(strings.correctedCount, { corrected: data.totals.corrected, handled: data.totals.handled })}</span>
        </li>
      </ul>
      <div class="charts">
        <ChartCard
          id="first-response"
          title={strings.firstResponseTime}
          summary={summaryOf(
            strings.firstResponseTime,
            data.days.map((day) => day.timeToFirstResponse.medianMinutes),
            hours,
          )}
          table={timeTable((day) => day.timeToFirstResponse)}
        >
          <LineChart days={days} series={timeSeries((day) => day.timeToFirstResponse)} format={hoursLabel} />
        </ChartCard>
        <ChartCard
          id="resolution"
          title={strings.resolutionTime}
          summary={summaryOf(
            strings.resolutionTime,
            data.days.map((day) => day.timeToResolve.medianMinutes),
            hours,
          )}
          table={timeTable((day) => day.timeToResolve)}
        >
          <LineChart days={days} series={timeSeries((day) => day.timeToResolve)} format={hoursLabel} />
        </ChartCard>
        <ChartCard
          id="attainment"
          title={strings.slaAttainment}
          summary={`${strings.slaAttainment}: ${strings.slaFirstResponse} ${percent(overall((day) => day.firstResponseSla))}, ${strings.slaResolution} ${percent(overall((day) => day.resolutionSla))}`}
          table={
            <FiguresTable
              head={[strings.day, strings.slaFirstResponse, strings.slaResolution]}
              rows={data.days.map((day) => [day.date, percent(day.firstResponseSla.attainment), percent(day.resolutionSla.attainment)])}
            />
          }
        >
          <LineChart days={days} series={attainment} format={(value) => formatPercent(value)} />
        </ChartCard>
        <ChartCard
          id="volume"
          title={strings.volumeByDay}
          summary={`${strings.volumeByDay}: ${data.totals.tickets}`}
          table={<FiguresTable head={[strings.day, strings.tickets]} rows={data.days.map((day) => [day.date, day.tickets])} />}
        >
          <DayBars days={days} values={data.days.map((day) => day.tickets)} />
        </ChartCard>
        <ChartCard
          id="categories"
          title={strings.volumeByCategory}
          summary={categories.map((row) => `${row.label} ${row.value}`).join(', ') || strings.noData}
          table={<FiguresTable head={[strings.category, strings.tickets]} rows={categories.map((row) => [row.label, row.value])} />}
        >
          {categories.length ? <LabelledBars rows={categories} /> : <p class="muted">{strings.noData}</p>}
        </ChartCard>
        <ChartCard
          id="backlog"
          title={strings.backlogByTier}
          summary={backlog.map((row) => `${row.label} ${row.value}`).join(', ') || strings.noData}
          table={<FiguresTable head={[strings.tier, strings.tickets]} rows={backlog.map((row) => [row.label, row.value])} />}
        >
          {backlog.length ? <LabelledBars rows={backlog} color={2} /> : <p class="muted">{strings.noData}</p>}
        </ChartCard>
        <ChartCard
          id="deflection"
          title={strings.deflectionRate}
          hint={strings.deflectionHint}
          summary={`${strings.deflectionRate}: ${percent(data.totals.deflectionRate)}`}
          table={<FiguresTable head={[strings.day, strings.deflections]} rows={data.days.map((day) => [day.date, day.deflections])} />}
        >
          <DayBars days={days} values={deflections} color={3} />
        </ChartCard>
        <ChartCard
          id="classifier"
          title={strings.classifierAccuracy}
          hint={strings.classifierHint}
          summary={`${strings.classifierAccuracy}: ${percent(data.totals.classifierAccuracy)}`}
          table={<FiguresTable head={[strings.day, strings.classifierAccuracy]} rows={data.days.map((day) => [day.date, percent(accuracyOf(day))])} />}
        >
          <LineChart days={days} series={accuracy} format={(value) => formatPercent(value)} />
        </ChartCard>
      </div>
    </>
  )
}

/** A chart's gist in words, for screen readers: its latest value and its range. */
function summaryOf(title: string, values: (number | null)[], format: (value: number) => string): string {
  const known = values.filter((value): value is number => value !== null)
  if (known.length === 0) return `${title}: ${t.value.noData}`
  return `${title}: ${format(known[known.length - 1]!)} (${format(Math.min(...known))} – ${format(Math.max(...known))})`
}

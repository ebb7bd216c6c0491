import type { Incident } from '@triage/protocol'
import { h } from 'preact'
import { categoryName, fill, formatDateTime, formatPercent, t } from '../../i18n/index.ts'
import { Section } from './sections.tsx'

/** The engine's decisions in plain words, each with its reasons as the engine gave them. */
export function ReasoningSection({ incident }: { incident: Incident }) {
  const strings = t.value
  const { kind, category, priority, tier, breach } = incident.reasoning
  const level = (value: keyof typeof strings.level) => strings.level[value].toLowerCase()
  const rows: [string, string[]][] = [
    [fill(strings.reasoningKind, { value: strings.kind[kind.value], confidence: formatPercent(kind.confidence) }), kind.reasons],
    [fill(strings.reasoningCategory, { value: categoryName(category.value), confidence: formatPercent(category.confidence) }), category.reasons],
    [fill(strings.reasoningPriority, { value: priority.value, impact: level(priority.impact), urgency: level(priority.urgency) }), priority.reasons],
    [fill(strings.reasoningTier, { value: tier.value }), tier.reasons],
  ]
  return (
    <Section id="reasoning" title={strings.reasoning}>
      {breach ? (
        <p class="breach" role="note">
          {fill(strings.breach, { time: formatDateTime(breach.notifyBy) })}
        </p>
      ) : null}
      <ul class="reasons">
        {rows.map(([decision, reasons]) => (
          <li key={decision}>
            <strong>{decision}</strong>
            {reasons.length > 0 ? <span class="meta">{reasons.join(' · ')}</span> : null}
          </li>
        ))}
        {category.guess ? (
          <li>
            <span>{fill(strings.reasoningGuess, { value: categoryName(category.guess.value), confidence: formatPercent(category.guess.confidence) })}</span>
          </li>
        ) : null}
      </ul>
    </Section>
  )
}

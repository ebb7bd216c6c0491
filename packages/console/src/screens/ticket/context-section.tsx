import type { Incident } from '@triage/protocol'
import { h } from 'preact'
import { fill, formatTime, locale, t } from '../../i18n/index.ts'
import { breadcrumbTimeline } from '../../lib/breadcrumbs.ts'
import { describeBrowser } from '../../lib/browser.ts'
import { durationUnits, shortDuration } from '../../lib/duration.ts'
import { contextText, Facts, Section } from './sections.tsx'

/** Where and in what the reporter was: page, browser, app version, and what they did before reporting. */
export function ContextSection({ incident }: { incident: Incident }) {
  const strings = t.value
  const userAgent = contextText(incident, 'userAgent')
  const viewport = incident.context.viewport
  const steps = breadcrumbTimeline(incident.context, incident.createdAt)
  const units = durationUnits[locale.value]
  return (
    <Section id="context" title={strings.context}>
      <Facts
        facts={[
          [strings.page, contextText(incident, 'url') ? <span class="url">{contextText(incident, 'url')}</span> : null],
          [strings.browser, userAgent ? <span title={userAgent}>{describeBrowser(userAgent)}</span> : null],
          [strings.appVersion, contextText(incident, 'appVersion')],
          [strings.environment, contextText(incident, 'environment')],
          [strings.localeAndZone, [contextText(incident, 'locale'), contextText(incident, 'timeZone')].filter(Boolean).join(' · ')],
          [strings.screen, viewport && typeof viewport.width === 'number' ? `${viewport.width} × ${viewport.height}` : null],
        ]}
      />
      <h3>{strings.beforeReport}</h3>
      {steps.length === 0 ? (
        <p class="muted">{strings.noBreadcrumbs}</p>
      ) : (
        <ol class="crumbs" data-testid="breadcrumbs">
          {steps.map((step, index) => (
            <li key={index} class={`crumb crumb-${step.level}`}>
              <time dateTime={step.at} title={formatTime(step.at)}>
                {fill(strings.before, { time: shortDuration(step.beforeMs, units) })}
              </time>
              <span class="crumb-type">{strings.crumbType[step.type] ?? step.type}</span>
              <span class="crumb-message">{step.message}</span>
              {step.details.length > 0 ? <span class="meta">{step.details.map(([key, value]) => `${key}: ${value}`).join(' · ')}</span> : null}
            </li>
          ))}
          <li class="crumb crumb-report">
            <time dateTime={incident.createdAt}>{formatTime(incident.createdAt)}</time>
            <span class="crumb-type">{strings.reportFiled}</span>
          </li>
        </ol>
      )}
    </Section>
  )
}

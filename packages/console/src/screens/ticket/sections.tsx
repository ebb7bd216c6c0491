import type { Incident } from '@triage/protocol'
import type { ComponentChildren } from 'preact'
import { h } from 'preact'

/** A titled part of the ticket; its heading names it for screen readers' landmarks. */
export function Section({ id, title, children, class: className = '' }: { id: string; title: string; children: ComponentChildren; class?: string }) {
  return (
    <section class={`card ${className}`} aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  )
}

/** Label → value pairs; empty values are left out. */
export function Facts({ facts }: { facts: [string, ComponentChildren][] }) {
  const shown = facts.filter(([, value]) => value !== null && value !== undefined && value !== '')
  return (
    <dl class="facts">
      {shown.map(([label, value]) => (
        <div class="pair" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A string from the captured context, if it is one. */
export const contextText = (incident: Incident, key: string): string | undefined => {
  const value = incident.context[key]
  return typeof value === 'string' && value ? value : undefined
}

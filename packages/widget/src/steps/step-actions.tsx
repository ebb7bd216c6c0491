import { h } from 'preact'

/** The foot of a step's form: a secondary way back (or elsewhere), and Next, which submits the form. */
export function StepActions({ secondary, onSecondary, next }: { secondary: string; onSecondary: () => void; next: string }) {
  return (
    <div class="actions">
      <button type="button" onClick={onSecondary}>
        {secondary}
      </button>
      <button type="submit" class="primary" data-testid="triage-next">
        {next}
      </button>
    </div>
  )
}

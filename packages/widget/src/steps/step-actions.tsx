import { h } from 'preact'

/**
 * The foot of a step's form: a secondary way back (or elsewhere), and Next, which submits the form.
 * A function, not a component: it has no state of its own, and its arguments need no prop names.
 */
export function stepActions(secondary: string, onSecondary: () => void, next: string) {
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

import { h } from '../panel/jsx.ts'

/**
 * What failed, announced as it appears: the step's own words, then the SDK's or server's detail,
 * which is English (marked so, for screen readers reading a French panel). Empty while nothing failed.
 */
export function FailureLine({ failed, detail, testId }: { failed: string; detail: string | null; testId?: string }) {
  return (
    <p class="error" aria-live="assertive" aria-atomic="true" data-testid={testId}>
      {detail !== null && failed}
      {detail ? <span lang="en"> {detail}</span> : null}
    </p>
  )
}

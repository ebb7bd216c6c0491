import type { RefObject } from 'preact'

export interface LauncherProps {
  label: string
  expanded: boolean
  onClick: () => void
  buttonRef: RefObject<HTMLButtonElement>
}

/** The always-visible button that opens the panel. Its visible text is its accessible name. */
export function Launcher({ label, expanded, onClick, buttonRef }: LauncherProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      class="launcher"
      data-testid="triage-launcher"
      aria-haspopup="dialog"
      aria-expanded={expanded}
      onClick={onClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill-rule="evenodd"
          d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm7 3v6h2V6h-2Zm0 8v2h2v-2h-2Z"
        />
      </svg>
      {label}
    </button>
  )
}

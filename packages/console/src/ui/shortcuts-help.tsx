import { h } from 'preact'
import { t } from '../i18n/index.ts'
import { Dialog } from './dialog.tsx'

/** The keys, in the order of the main loop. */
export const shortcutKeys = [
  ['j', 'next'],
  ['k', 'previous'],
  ['Enter', 'open'],
  ['r', 'reply'],
  ['n', 'note'],
  ['e', 'escalate'],
  ['s', 'resolve'],
  ['a', 'assignMe'],
  ['x', 'toggle'],
  ['/', 'search'],
  ['Esc', 'back'],
  ['?', 'help'],
] as const

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const strings = t.value
  return (
    <Dialog title={strings.shortcutsTitle} onClose={onClose}>
      <dl class="shortcuts" data-testid="shortcuts">
        {shortcutKeys.map(([key, action]) => (
          <div class="pair" key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{strings.shortcut[action]}</dd>
          </div>
        ))}
      </dl>
      <div class="dialog-actions">
        <button type="button" data-autofocus onClick={onClose}>
          {strings.close}
        </button>
      </div>
    </Dialog>
  )
}

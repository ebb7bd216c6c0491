import { signal } from '@preact/signals'
import { h } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { incidents } from '../../api/api.ts'
import { t } from '../../i18n/index.ts'
import type { TicketState } from './ticket-state.ts'

export type ComposerMode = 'public' | 'internal'

/** What is being written on a ticket: a reply (public) or a note (internal). */
export function createComposer() {
  const mode = signal<ComposerMode>('public')
  const draft = signal('')
  const focusRequest = signal(0)
  return {
    mode,
    draft,
    focusRequest,
    /** Switches to `next` and puts the cursor in the box (the `r` and `n` keys). */
    open(next: ComposerMode, text?: string) {
      mode.value = next
      if (text !== undefined) draft.value = text
      focusRequest.value++
    },
  }
}
export type Composer = ReturnType<typeof createComposer>

/** Stops saying "typing" after this long without a key. */
const typingIdleMs = 5_000

/** The reply and note box under the timeline, two tabs that say plainly who will read it. */
export function ComposerBox({ ticket, composer }: { ticket: TicketState; composer: Composer }) {
  const strings = t.value
  const box = useRef<HTMLTextAreaElement>(null)
  const awaitReporter = useRef<HTMLInputElement>(null)
  const idle = useRef<ReturnType<typeof setTimeout>>()
  const isPublic = composer.mode.value === 'public'
  useEffect(() => {
    if (composer.focusRequest.value > 0) box.current?.focus()
  }, [composer.focusRequest.value])
  useEffect(() => () => clearTimeout(idle.current), [])

  const onInput = (text: string) => {
    composer.draft.value = text
    ticket.setTyping(isPublic && text.trim().length > 0)
    clearTimeout(idle.current)
    idle.current = setTimeout(() => ticket.setTyping(false), typingIdleMs)
  }
  const send = async (event: Event) => {
    event.preventDefault()
    const body = composer.draft.value.trim()
    if (!body) return box.current?.focus()
    const sent = await ticket.act(() => incidents.message(ticket.id, body, composer.mode.value, { awaitReporter: isPublic && Boolean(awaitReporter.current?.checked) }))
    if (!sent) return
    composer.draft.value = ''
    ticket.setTyping(false)
  }
  const tab = (mode: ComposerMode, label: string) => (
    <button
      type="button"
      role="tab"
      id={`composer-tab-${mode}`}
      aria-selected={composer.mode.value === mode}
      aria-controls="composer-panel"
      tabIndex={composer.mode.value === mode ? 0 : -1}
      class={`tab tab-${mode}`}
      onClick={() => composer.open(mode)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') composer.open(mode === 'public' ? 'internal' : 'public')
      }}
    >
      {label}
    </button>
  )
  return (
    <section class={`composer composer-${composer.mode.value}`} aria-labelledby="composer-title" id="composer">
      <h2 id="composer-title" class="visually-hidden">
        {strings.reply}
      </h2>
      <div role="tablist" aria-label={strings.reply} class="tabs">
        {tab('public', strings.reply)}
        {tab('internal', strings.note)}
      </div>
      <div id="composer-panel" role="tabpanel" aria-labelledby={`composer-tab-${composer.mode.value}`}>
        <form onSubmit={(event) => void send(event)}>
          <label class="field">
            <span>{isPublic ? strings.replyLabel : strings.noteLabel}</span>
            <textarea
              ref={box}
              value={composer.draft.value}
              maxLength={10_000}
              onInput={(event) => onInput(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send(event)
                if (event.key === 'Escape') event.currentTarget.blur()
              }}
              data-testid="composer"
            />
          </label>
          <div class="composer-actions">
            {isPublic ? (
              <label class="compact checkbox">
                <input ref={awaitReporter} type="checkbox" />
                <span>{strings.awaitReporter}</span>
              </label>
            ) : null}
            <button type="submit" class="primary" disabled={ticket.busy.value} data-testid="composer-send">
              {ticket.busy.value ? strings.sending : isPublic ? strings.sendReply : strings.sendNote}
            </button>
          </div>
          <p class="hint">{strings.composerHint}</p>
        </form>
      </div>
    </section>
  )
}

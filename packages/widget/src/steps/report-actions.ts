import type { TriageError } from '@triage/sdk'
import type { WidgetState } from '../state.ts'

/**
 * Reply, confirm or reopen the report on screen: the answer is the report's new view. On a
 * resolved report the reply says what is still wrong (the server reopens it); "Still broken" with
 * nothing written reopens. It comes with the report's screen (the script tag's follow-up chunk),
 * and works on the panel's state and SDK client.
 */
export async function act(state: WidgetState, action: 'reply' | 'confirm' | 'reopen'): Promise<void> {
  const shown = state.report.value
  if (!shown || state.acting.value) return
  const text = state.reply.value.trim()
  if (action === 'reply' && !text) return
  const { client } = state
  state.acting.value = true
  state.error.value = null
  const token = { token: shown.reporterToken }
  try {
    const next = action === 'reply' ? await client.reply(shown.id, text, token) : await client[action](shown.id, token)
    if (action === 'reply') state.reply.value = ''
    state.view.value = next
  } catch (failure) {
    state.error.value = state.failed(failure)
    // Refused: the report changed meanwhile (a closed one takes no message). Show it as it is
    // now, with its way on (Reopen), and keep what the reporter wrote. (A status, not
    // `instanceof`: this chunk carries no SDK of its own.)
    if ((failure as TriageError).status === 409) state.view.value = await client.getReport(shown.id, shown.reporterToken).catch(() => state.view.value)
  } finally {
    state.acting.value = false
  }
}

import { notice } from './notice.tsx'
import type { PanelStepProps } from './props.ts'

/** A report saved on the device while offline: it leaves once the connection is back. */
export const Queued = (props: PanelStepProps) => notice(props, 'queued', props.strings.queuedTitle, props.strings.queuedBody)

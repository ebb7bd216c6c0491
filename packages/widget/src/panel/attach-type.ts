import type { HostParts } from '../core/host.ts'
import type { WidgetHandle, WidgetOptions } from '../options.ts'

/** The panel's side of the widget's handle; `attachTo` is the loader's and `mount`'s, through `open`. */
export type PanelHandle = Omit<WidgetHandle, 'attachTo'>

/** What `widget-panel.js` hands to the loader: renders the panel into the launcher's shadow root. */
export type AttachPanel = (parts: HostParts, options: WidgetOptions) => PanelHandle

/** The event `widget-panel.js` dispatches on its own `<script>` element, `detail` being its {@link AttachPanel}. */
export const panelEvent = 'triage:panel'

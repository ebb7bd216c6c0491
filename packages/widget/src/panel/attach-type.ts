import type { HostParts } from '../core/host.ts'
import type { TriageClient } from '@triage/sdk'
import type { Deflection, WidgetHandle, WidgetSettings } from '../options.ts'

/** The panel's side of the widget's handle; `attachTo` is the loader's and `mount`'s, through `open`. */
export type PanelHandle = Omit<WidgetHandle, 'attachTo'>

/**
 * The options as the panel takes them: its `onDeflect` hears the words and the incident, and
 * `mount` adds the count (the script tag takes no callbacks, so its panels carry no counting);
 * the key and endpoint of its own client, or the app's client.
 */
export type PanelOptions = Omit<WidgetSettings, 'onDeflect'> & { onDeflect?: ((deflection: Omit<Deflection, 'count'>) => void) | undefined } & (
    | { key: string; endpoint: string; client?: undefined }
    | { client: TriageClient; key?: string | undefined; endpoint?: string | undefined }
  )

/** What `widget-panel-<locale>.js` hands to the loader: renders the panel into the launcher's shadow root. */
export type AttachPanel = (parts: HostParts, options: PanelOptions) => PanelHandle

/** The event `widget-panel-<locale>.js` dispatches on its own `<script>` element, `detail` being its {@link AttachPanel}. */
export const panelEvent = 'triage:panel'

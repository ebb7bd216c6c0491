import { attachTo } from './core/attach-to.ts'
import { createHost } from './core/host.ts'
import { countDeflection } from './deflections.ts'
import { resolveStrings } from './i18n/index.ts'
import { launcherLabels, pickLocale } from './i18n/locale.ts'
import type { WidgetHandle, WidgetOptions } from './options.ts'
import { toPosition } from './options.ts'
import { en } from './i18n/en.ts'
import { fr } from './i18n/fr.ts'
import { panelFor } from './panel/attach.tsx'
import { followScreens, KnownProblems } from './panel/follow.ts'
import { createAttachmentsPart } from './attachments/part.tsx'

/**
 * Adds the widget to the page: a `<triage-widget>` element at the end of `document.body`,
 * its launcher and panel inside an open shadow root, so page styles and ours never mix.
 *
 * @param options `key` and `endpoint`, or your app's SDK `client`; see {@link WidgetOptions} for the rest.
 * @returns a handle to open, close, prefill or remove the widget.
 * @example
 * const widget = mount({ key: 'pk_demo', endpoint: 'https://triage.example.com', locale: 'fr', onSubmit: (report) => console.log(report.number) })
 * widget.identify({ id: 'u_42', name: 'Ada Lovelace', email: 'ada@example.com' })
 * widget.attachTo('#help')
 */
export function mount(options: WidgetOptions): WidgetHandle {
  const { client } = options
  if (!client && !options.key) throw new TypeError('Triage: mount() needs your publishable key, e.g. mount({ key: "pk_…", endpoint }), or your SDK client, mount({ client })')
  if (!client && !options.endpoint) throw new TypeError('Triage: mount() needs the Triage API origin, e.g. mount({ key, endpoint: "https://triage.example.com" })')
  const key = client ? client.key : options.key
  const locale = pickLocale(options.locale ?? navigator.language)
  const parts = createHost({ label: options.strings?.launcher ?? launcherLabels[locale], locale, position: toPosition(options.position), color: options.color })
  // The deflection count is kept for an app that hears of deflections.
  const { onDeflect } = options
  const strings = resolveStrings({ en, fr }[locale], options.strings)
  // Bundled with the app: the follow-up screens and the attachments are here already, with the app's words for them.
  const panel = panelFor(strings, {
    follow: () => Promise.resolve({ screens: followScreens, KnownProblems, strings }),
    attachments: () => Promise.resolve({ create: createAttachmentsPart, strings }),
  })(parts, {
    ...options,
    onDeflect: onDeflect && ((deflection) => onDeflect({ ...deflection, count: countDeflection(key) })),
  })
  return {
    ...panel,
    attachTo: (target) => attachTo(target, panel.open),
  }
}

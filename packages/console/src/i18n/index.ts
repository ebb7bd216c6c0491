import { computed, signal } from '@preact/signals'
import { enCategoryNames, frCategoryNames } from '@triage/protocol'
import type { Strings } from './en.ts'
import { en } from './en.ts'
import { fr } from './fr.ts'

export type { Strings } from './en.ts'

export const locales = ['en', 'fr'] as const
export type Locale = (typeof locales)[number]

const dictionaries: Record<Locale, Strings> = { en, fr }
const categoryNames: Record<Locale, Readonly<Record<string, string>>> = { en: enCategoryNames, fr: frCategoryNames }

/**
 * The language for a BCP 47 tag (`fr-CA` → `fr`); English when we have none.
 * @example pickLocale('fr-CA') // 'fr'
 */
export function pickLocale(requested: string | null | undefined): Locale {
  const language = (requested ?? '').toLowerCase().split(/[-_]/)[0] ?? ''
  return locales.find((locale) => locale === language) ?? 'en'
}

/** The console's language: the agent's choice (remembered on this device), else the browser's. */
export const locale = signal<Locale>('en')
/** The words in the current language. */
export const t = computed(() => dictionaries[locale.value])

/**
 * A string with its `{name}` slots filled.
 * @example fill('{count} selected', { count: 3 }) // '3 selected'
 */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : slot))
}

/** An id (category, status…) in words; ids outside the dictionary are shown as they are. */
export function words(dictionary: Readonly<Record<string, string | undefined>>, id: string): string {
  return (Object.hasOwn(dictionary, id) && dictionary[id]) || id.replaceAll('_', ' ')
}

/** The built-in categories' names in the current language (an app's own are shown as they are). */
export const categoryName = (id: string) => words(categoryNames[locale.value], id)
/** Every built-in category id, for the filters and corrections. */
export const categoryIds = Object.keys(enCategoryNames)

/** A date and time, short, in the console's language. */
export const formatDateTime = (iso: string | number) => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
/** A short date for lists: the time today, else the day ("Dec 4"), with the year when not this one. */
export function formatShortDate(iso: string, now = Date.now()): string {
  const date = new Date(iso)
  const today = new Date(now)
  if (date.toDateString() === today.toDateString()) return new Intl.DateTimeFormat(locale.value, { timeStyle: 'short' }).format(date)
  const sameYear = date.getFullYear() === today.getFullYear()
  return new Intl.DateTimeFormat(locale.value, sameYear ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' }).format(date)
}
/** A moment in a timeline: the time today, else the day and the time. */
export function formatMoment(iso: string, now = Date.now()): string {
  const date = new Date(iso)
  const today = date.toDateString() === new Date(now).toDateString()
  return new Intl.DateTimeFormat(locale.value, today ? { timeStyle: 'short' } : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(date)
}
/** A time of day (for the breadcrumbs just before a report). */
export const formatTime = (iso: string | number) => new Intl.DateTimeFormat(locale.value, { timeStyle: 'medium' }).format(new Date(iso))
/** A size in bytes in the reader's units: "24 kB" (en), "24 ko" (fr), "1.2 MB". */
export function formatBytes(bytes: number): string {
  const [value, unit] = bytes < 1_000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1_000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte']
  // Bytes spelled out ("118 bytes": the short form is "118 byte"), the larger units short.
  return new Intl.NumberFormat(locale.value, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)
}
/** A share as a percentage, e.g. 0.87 → "87 %" (fr) / "87%" (en). */
export const formatPercent = (share: number) => new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 0 }).format(share)

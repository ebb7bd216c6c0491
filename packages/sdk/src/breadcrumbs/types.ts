import type { Breadcrumb } from '@triage/protocol'

/** A breadcrumb as a hook records it; the time is filled in when it is added. */
export type BreadcrumbInput = Omit<Breadcrumb, 'at'> & { at?: string }

export type AddBreadcrumb = (crumb: BreadcrumbInput) => void

/** The rows of the incidents and their timelines, as drizzle reads and writes them: one home for storage's shapes. */
import type { incidentEvents, incidents } from '../db/schema.ts'

export type IncidentRow = typeof incidents.$inferSelect
export type EventRow = typeof incidentEvents.$inferSelect
/** A new incident: everything but the number, which storage takes inside the insert. */
export type NewIncident = Omit<IncidentRow, 'number'>
export type NewEvent = Omit<EventRow, 'incidentId'>

/**
 * The created report of `report()`, which may also resolve with a report queued on the device
 * (`status: 'queued'`): for tests that expect the server to be reached, and fail plainly when the
 * report was queued instead.
 * @example
 * const report = await created(triage.report({ symptoms: 'Export fails' }))
 * report.number // typed: a created report
 */
export async function created<T extends { status: string }>(report: T | Promise<T>): Promise<Exclude<T, { status: 'queued' }>> {
  const answer = await report
  if (answer.status === 'queued') throw new Error('the report was queued on the device, not created: the server was not reached')
  return answer as Exclude<T, { status: 'queued' }>
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { openLibsql } from '../src/storage/open-libsql.ts'
import { findIncident, listEvents } from '../src/storage/incidents.ts'
import { insertApp } from '../src/storage/apps.ts'

const folder = mkdtempSync(join(tmpdir(), 'triage-repair-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

it('repairs, at the next start, rows an earlier version stored as bytes that are not UTF-8', async () => {
  const url = `file:${join(folder, 'old.db')}`
  const old = await openLibsql({ url })
  await insertApp(old.db, { id: 'app_old', name: 'Old app', allowedOrigins: [] })
  // What the unfixed write path did: unpack a JSON escape of a lone surrogate inside SQLite.
  const broken = (text: string) => sql`(select j.value from json_each(${JSON.stringify([text])}) j)`
  await old.db.run(sql`insert into incidents (id, app_id, number, request_hash, kind, status, category, category_confidence, category_source,
    impact, urgency, priority, tier, contact_name, symptoms, answers, context, reasoning, created_at, updated_at, revision)
    values ('inc_old', 'app_old', 1, 'h', 'incident', 'new', 'other', 0.5, 'auto', 'low', 'low', 'P4', 'L1', ${broken('Ada \ud800')},
    ${broken('printer \udfff broken, 한국어 kept')}, '{}', ${broken('{"note":"x\ud800"}')}, '{}', 1, 1, 'rev_1')`)
  await old.db.run(sql`insert into incident_events (id, incident_id, type, actor, visibility, data, at)
    values ('evt_old', 'inc_old', 'created', 'reporter', 'public', ${broken('{"body":"b\udbff"}')}, 1)`)
  const [bytes] = await old.db.all<{ hex: string }>(sql`select hex(symptoms) as hex from incidents where id = 'inc_old'`)
  expect(bytes?.hex).toContain('EDBFBF')
  // A database from before the fix has never been repaired.
  await old.db.run(sql`delete from settings where name = 'text_repaired_at'`)
  old.close()

  const reopened = await openLibsql({ url })
  expect(reopened.repairedText).toBe(4)
  const incident = await findIncident(reopened.db, 'app_old', 'inc_old')
  expect(incident).toMatchObject({ symptoms: 'printer \ufffd\ufffd\ufffd broken, 한국어 kept', contactName: 'Ada \ufffd\ufffd\ufffd' })
  expect(JSON.stringify(incident?.context)).toMatch(/^\{"note":"x\ufffd+"\}$/)
  expect(await listEvents(reopened.db, 'inc_old')).toMatchObject([{ data: { body: 'b\ufffd\ufffd\ufffd' } }])
  reopened.close()

  // Once repaired, later starts do not scan again.
  const again = await openLibsql({ url })
  expect(again.repairedText).toBe(0)
  again.close()
})

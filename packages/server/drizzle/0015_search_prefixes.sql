-- The search index again, with prefix indexes for the starts of words of 2 to 8 characters: a
-- search takes each word as the start of a word, and without them FTS5 merges, on every search,
-- the match lists of every word that starts so (`please` in 3 of 4 tickets: 35–45 ms at 1M
-- incidents, `p` 290 ms, the event loop held throughout). With them such a start reads one list,
-- newest first, and stops at the page's end (under 1 ms). The price: the index is ~4.5× larger
-- (~0.8 KB an incident) and indexing a report costs ~45 µs more. Longer starts merge the lists of
-- the few long words that begin with them; a one-letter word is matched whole (storage/incidents.ts).
-- Rebuilding it reads every incident once (about a minute at 1M incidents). The triggers of 0011
-- name the table, so they keep it in step as before.
DROP TABLE `incidents_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `incidents_search` USING fts5(app, symptoms, contact, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8');
--> statement-breakpoint
INSERT INTO `incidents_search` (rowid, app, symptoms, contact) SELECT rowid, 'a' || hex(app_id), symptoms, coalesce(contact_name, '') || ' ' || coalesce(contact_email, '') FROM `incidents`;

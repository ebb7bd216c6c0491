-- Full-text search of the agents' list (`q=`): what the reporter wrote and their contact, per app.
-- Contentless (the text stays in `incidents`), kept in step by triggers, so every write path and
-- every runtime (libSQL, D1) updates it the same way. `app` holds one token per app (`a` + the
-- app id in hex), so a search never walks another tenant's matches.
CREATE VIRTUAL TABLE `incidents_search` USING fts5(app, symptoms, contact, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `incidents_search_insert` AFTER INSERT ON `incidents` BEGIN
  INSERT INTO `incidents_search` (rowid, app, symptoms, contact) VALUES (new.rowid, 'a' || hex(new.app_id), new.symptoms, coalesce(new.contact_name, '') || ' ' || coalesce(new.contact_email, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_search_update` AFTER UPDATE OF `symptoms`, `contact_name`, `contact_email` ON `incidents` BEGIN
  DELETE FROM `incidents_search` WHERE rowid = old.rowid;
  INSERT INTO `incidents_search` (rowid, app, symptoms, contact) VALUES (new.rowid, 'a' || hex(new.app_id), new.symptoms, coalesce(new.contact_name, '') || ' ' || coalesce(new.contact_email, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `incidents_search_delete` AFTER DELETE ON `incidents` BEGIN
  DELETE FROM `incidents_search` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
INSERT INTO `incidents_search` (rowid, app, symptoms, contact) SELECT rowid, 'a' || hex(app_id), symptoms, coalesce(contact_name, '') || ' ' || coalesce(contact_email, '') FROM `incidents`;

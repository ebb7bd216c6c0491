CREATE TABLE `audit_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`incident_id` text,
	`subject` text,
	`details` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_app_at` ON `audit_entries` (`app_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_app_incident` ON `audit_entries` (`app_id`,`incident_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_app_actor` ON `audit_entries` (`app_id`,`actor`,`at`);--> statement-breakpoint
CREATE TABLE `erasure_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`incident_ids` text NOT NULL,
	`actor` text NOT NULL,
	`actor_id` text,
	`requested_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `erasure_jobs_unfinished` ON `erasure_jobs` (`requested_at`) WHERE "erasure_jobs"."finished_at" is null;--> statement-breakpoint
ALTER TABLE `apps` ADD `retention_days` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `erased_at` integer;--> statement-breakpoint
CREATE INDEX `incidents_app_contact_email` ON `incidents` (`app_id`,lower("contact_email"),`created_at`,`id`) WHERE "incidents"."contact_email" is not null;--> statement-breakpoint
CREATE INDEX `incidents_retention` ON `incidents` (`app_id`,`closed_at`) WHERE "incidents"."status" = 'closed' and "incidents"."erased_at" is null;
--> statement-breakpoint
-- The audit trail is append-only, whatever writes to the database: an entry cannot be changed or
-- removed (an operator who must prune it drops these triggers on purpose, see docs/privacy.md).
CREATE TRIGGER `audit_entries_no_update` BEFORE UPDATE ON `audit_entries` BEGIN
  SELECT RAISE(ABORT, 'audit entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_entries_no_delete` BEFORE DELETE ON `audit_entries` BEGIN
  SELECT RAISE(ABORT, 'audit entries are append-only');
END;

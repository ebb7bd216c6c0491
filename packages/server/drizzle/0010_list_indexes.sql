DROP INDEX `incidents_app_status_created`;--> statement-breakpoint
DROP INDEX `incidents_app_tier_created`;--> statement-breakpoint
DROP INDEX `incidents_app_open_major`;--> statement-breakpoint
CREATE INDEX `incidents_app_status` ON `incidents` (`app_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_tier` ON `incidents` (`app_id`,`tier`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_kind` ON `incidents` (`app_id`,`kind`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_category` ON `incidents` (`app_id`,`category`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_priority` ON `incidents` (`app_id`,`priority`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_assignee` ON `incidents` (`app_id`,`assignee`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_due` ON `incidents` (`app_id`,`resolution_due_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_open_created` ON `incidents` (`app_id`,`created_at`,`id`) WHERE "incidents"."status" in ('new', 'in_progress', 'pending_reporter');--> statement-breakpoint
CREATE INDEX `incidents_open_priority` ON `incidents` (`app_id`,`priority`,`created_at`,`id`) WHERE "incidents"."status" in ('new', 'in_progress', 'pending_reporter');--> statement-breakpoint
CREATE INDEX `incidents_open_due` ON `incidents` (`app_id`,`resolution_due_at`,`id`) WHERE "incidents"."status" in ('new', 'in_progress', 'pending_reporter');--> statement-breakpoint
CREATE INDEX `incidents_app_open_major` ON `incidents` (`app_id`,`is_major`,`created_at`) WHERE "incidents"."is_major" = 1 and "incidents"."status" in ('new', 'in_progress', 'pending_reporter');--> statement-breakpoint
DROP INDEX `incident_events_incident_at`;--> statement-breakpoint
CREATE INDEX `incident_events_incident_at` ON `incident_events` (`incident_id`,`at`);
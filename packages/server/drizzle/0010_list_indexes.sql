DROP INDEX `incidents_app_status_created`;--> statement-breakpoint
DROP INDEX `incidents_app_tier_created`;--> statement-breakpoint
CREATE INDEX `incidents_app_status` ON `incidents` (`app_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_tier` ON `incidents` (`app_id`,`tier`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_kind` ON `incidents` (`app_id`,`kind`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_category` ON `incidents` (`app_id`,`category`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_priority` ON `incidents` (`app_id`,`priority`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_assignee` ON `incidents` (`app_id`,`assignee`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_due` ON `incidents` (`app_id`,`resolution_due_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_open_created` ON `incidents` (`app_id`,`created_at`,`id`) WHERE "incidents"."status" in ('new', 'in_progress', 'pending_reporter');--> statement-breakpoint
CREATE INDEX `incidents_open_priority` ON `incidents` (`app_id`,`priority`,`created_at`,`id`) WHERE "incidents"."status" in ('new', 'in_progress', 'pending_reporter');--> statement-breakpoint
CREATE INDEX `incidents_open_due` ON `incidents` (`app_id`,`resolution_due_at`,`id`) WHERE "incidents"."status" in ('new', 'in_progress', 'pending_reporter');
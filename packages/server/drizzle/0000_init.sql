CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`kind` text NOT NULL,
	`role` text,
	`name` text NOT NULL,
	`hash` text NOT NULL,
	`display` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`app_id`) REFERENCES `apps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE INDEX `api_keys_app` ON `api_keys` (`app_id`);--> statement-breakpoint
CREATE TABLE `apps` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`allowed_origins` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `incident_events` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`type` text NOT NULL,
	`actor` text NOT NULL,
	`visibility` text NOT NULL,
	`data` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_events_incident_at` ON `incident_events` (`incident_id`,`at`,`id`);--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`number` integer NOT NULL,
	`idempotency_key` text,
	`request_hash` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`category` text NOT NULL,
	`category_confidence` real NOT NULL,
	`category_source` text NOT NULL,
	`impact` text NOT NULL,
	`urgency` text NOT NULL,
	`priority` text NOT NULL,
	`tier` text NOT NULL,
	`assignee` text,
	`contact_name` text,
	`contact_email` text,
	`symptoms` text NOT NULL,
	`answers` text NOT NULL,
	`context` text NOT NULL,
	`reasoning` text NOT NULL,
	`parent_id` text,
	`resolution` text,
	`public_note` text,
	`first_response_due_at` integer,
	`resolution_due_at` integer,
	`first_response_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`revision` text NOT NULL,
	FOREIGN KEY (`app_id`) REFERENCES `apps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_app_number` ON `incidents` (`app_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `incidents_app_idempotency` ON `incidents` (`app_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `incidents_app_created` ON `incidents` (`app_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_app_status_created` ON `incidents` (`app_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `incidents_app_tier_created` ON `incidents` (`app_id`,`tier`,`created_at`);--> statement-breakpoint
CREATE INDEX `incidents_parent` ON `incidents` (`parent_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);

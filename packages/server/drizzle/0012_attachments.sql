CREATE TABLE `attachment_chunks` (
	`sha256` text NOT NULL,
	`part` integer NOT NULL,
	`bytes` blob NOT NULL,
	PRIMARY KEY(`sha256`, `part`)
);
--> statement-breakpoint
CREATE TABLE `attachment_usage` (
	`app_id` text PRIMARY KEY NOT NULL,
	`bytes` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`incident_id` text NOT NULL,
	`idempotency_key` text,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`app_id`) REFERENCES `apps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_incident` ON `attachments` (`incident_id`,`created_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_incident_idempotency` ON `attachments` (`incident_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `attachments_sha256` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `blob_objects` (
	`sha256` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`check_at` integer
);
--> statement-breakpoint
CREATE INDEX `blob_objects_check` ON `blob_objects` (`check_at`) WHERE "blob_objects"."check_at" is not null;
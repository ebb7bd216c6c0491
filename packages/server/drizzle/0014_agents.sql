CREATE TABLE `agent_invitations` (
	`hash` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agent_invitations_agent` ON `agent_invitations` (`agent_id`);--> statement-breakpoint
CREATE TABLE `agent_presence` (
	`incident_id` text NOT NULL,
	`viewer_id` text NOT NULL,
	`app_id` text NOT NULL,
	`name` text NOT NULL,
	`typing` integer NOT NULL,
	`since` integer NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`incident_id`, `viewer_id`)
);
--> statement-breakpoint
CREATE INDEX `agent_presence_app_seen` ON `agent_presence` (`app_id`,`seen_at`);--> statement-breakpoint
CREATE TABLE `agent_sessions` (
	`hash` text PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agent_sessions_agent` ON `agent_sessions` (`agent_id`);--> statement-breakpoint
CREATE INDEX `agent_sessions_expires` ON `agent_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`last_sign_in_at` integer,
	FOREIGN KEY (`app_id`) REFERENCES `apps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_app_email` ON `agents` (`app_id`,`email`);--> statement-breakpoint
CREATE INDEX `agents_email` ON `agents` (`email`);--> statement-breakpoint
CREATE TABLE `deflections` (
	`id` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`incident_id` text NOT NULL,
	`tier` text NOT NULL,
	`category` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`app_id`) REFERENCES `apps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deflections_app_created` ON `deflections` (`app_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_started_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `incidents_app_agent_category` ON `incidents` (`app_id`,`tier`,`created_at`) WHERE "incidents"."category_source" = 'agent';--> statement-breakpoint
CREATE INDEX `incidents_resolved_tier` ON `incidents` (`app_id`,`tier`) WHERE "incidents"."status" = 'resolved';
CREATE TABLE `metric_rollups` (
	`app_id` text NOT NULL,
	`period` text NOT NULL,
	`tier` text NOT NULL,
	`summary` text NOT NULL,
	`durations` text NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`app_id`, `period`, `tier`)
);
--> statement-breakpoint
CREATE TABLE `metric_sync` (
	`app_id` text PRIMARY KEY NOT NULL,
	`synced_to` integer NOT NULL
);

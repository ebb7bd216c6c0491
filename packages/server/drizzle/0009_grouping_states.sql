CREATE TABLE `grouping_states` (
	`app_id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`corrections` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`app_id`) REFERENCES `apps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `incidents_parent`;--> statement-breakpoint
CREATE INDEX `incidents_parent` ON `incidents` (`parent_id`,`created_at`);
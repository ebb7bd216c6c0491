CREATE TABLE `classifier_states` (
	`app_id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`corrections` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`app_id`) REFERENCES `apps`(`id`) ON UPDATE no action ON DELETE no action
);

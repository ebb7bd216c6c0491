ALTER TABLE `apps` ADD `identity_secret` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `reporter_user_id` text;--> statement-breakpoint
CREATE INDEX `incidents_app_reporter_user` ON `incidents` (`app_id`,`reporter_user_id`,`created_at`);
ALTER TABLE `apps` ADD `sla_policy` text;--> statement-breakpoint
ALTER TABLE `apps` ADD `business_hours` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `first_response_risk_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `resolution_risk_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `sla_paused_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `first_response_risk_marked_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `first_response_breach_marked_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `resolution_risk_marked_at` integer;--> statement-breakpoint
ALTER TABLE `incidents` ADD `resolution_breach_marked_at` integer;--> statement-breakpoint
CREATE INDEX `incidents_status_resolution_due` ON `incidents` (`status`,`resolution_due_at`);
-- One open status's tickets sorted by priority or due date: the README's queue (`status=new&sort=priority`)
-- walked every open ticket until 51 had the status (9-12 ms at 1M incidents, 3,943 open; 40 ms on a
-- busy machine). Their condition differs from the open-tickets indexes' on purpose (see the schema).
CREATE INDEX `incidents_open_status_priority` ON `incidents` (`app_id`,`status`,`priority`,`created_at`,`id`) WHERE "incidents"."status" not in ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX `incidents_open_status_due` ON `incidents` (`app_id`,`status`,`resolution_due_at`,`id`) WHERE "incidents"."status" not in ('resolved', 'closed');
-- Which metric rollups exist and when each was made, from an index: every metrics call asks, and
-- `computed_at` comes after a rollup's durations (megabytes for a year's months at 1M incidents),
-- which reading it from the row walked page by page.
CREATE INDEX `metric_rollups_versions` ON `metric_rollups` (`app_id`,`period`,`tier`,`computed_at`);
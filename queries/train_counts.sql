-- Freight trains of the zone per period, one series per counting basis: compare counts only within a series.
SELECT series, period, qualifier, value, unit, scope, wording, ref, source_id
FROM train_counts
WHERE period_kind NOT IN ('span', 'undated') AND route_id IS NULL;

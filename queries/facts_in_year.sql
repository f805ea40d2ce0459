-- Every stated figure whose period lies within one calendar year (cumulative spans excluded).
-- @param year INTEGER the year, e.g. 2021
SELECT f.ref, f.subject, f.metric, f.period, f.value, f.unit, f.value_base, f.unit_base, f.source_id
FROM facts AS f
JOIN periods AS p ON p.id = f.period
WHERE p.kind <> 'span'
  AND CAST(substr(COALESCE(f.period_start, f.period_end), 1, 4) AS INTEGER) = :year
  AND CAST(substr(COALESCE(f.period_end, f.period_start), 1, 4) AS INTEGER) = :year
ORDER BY f.metric, f.period_start, f.ref;

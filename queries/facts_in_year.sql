-- Every stated figure whose period lies within one calendar year (cumulative spans and undated figures excluded), with its qualifier, basis and scope.
-- @param year INTEGER the year, e.g. 2021
SELECT f.ref, f.subject, f.metric, f.period, f.qualifier, f.value, f.unit, f.value_base, f.unit_base,
       f.basis, f.scope, f.is_conversion, f.is_plan, f.source_id
FROM facts AS f
JOIN periods AS p ON p.id = f.period
WHERE p.kind NOT IN ('span', 'undated')
  AND CAST(substr(f.period_start, 1, 4) AS INTEGER) = :year
  AND CAST(substr(f.period_end, 1, 4) AS INTEGER) = :year
ORDER BY f.metric, f.basis, f.scope, f.period_start, f.ref;

-- Every figure of the founding article (China Daily, 2022-02-23) with its qualifier, basis and scope.
SELECT f.ref, f.subject, f.metric, f.period, f.qualifier, f.value, f.unit, f.value_base, f.unit_base,
       f.basis, f.scope, f.is_conversion
FROM facts AS f
WHERE f.source_id = 'S01'
ORDER BY f.ref, f.metric, f.is_conversion;

-- Stated amounts of money (trade, investment, projects) compared in base units, largest first, with qualifier, basis and scope.
-- @param currency TEXT base currency to compare in: 'CNY' or 'USD'
SELECT f.ref, f.subject, f.metric, f.period, f.qualifier, f.value, f.unit, f.value_base, f.unit_base,
       f.basis, f.scope, f.is_conversion, f.is_plan, f.source_id
FROM facts AS f
WHERE f.unit_base = upper(:currency)
ORDER BY f.value_base DESC, f.ref
LIMIT 25;

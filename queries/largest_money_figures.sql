-- Stated amounts of money (trade, investment, projects) compared in base units, largest first.
-- @param currency TEXT base currency to compare in: 'CNY' or 'USD'
SELECT f.ref, f.subject, f.metric, f.period, f.value, f.unit, f.value_base, f.unit_base, f.source_id
FROM facts AS f
WHERE f.unit_base = upper(:currency)
ORDER BY f.value_base DESC
LIMIT 25;

-- Every stated value of one metric over time, with qualifier, basis, scope and source.
-- @param metric TEXT metric key (see the table metrics), e.g. 'freight_trains' or 'trade_sco'
SELECT f.period, f.period_start, f.period_end, f.subject, f.value, f.unit, f.qualifier,
       f.value_base, f.unit_base, f.basis, f.scope, f.ref, s.outlet, s.published
FROM facts_detail AS f
JOIN sources AS s ON s.id = f.source_id
WHERE f.metric = :metric
ORDER BY f.period_kind = 'span', f.period_end, f.period_start, f.source_id;

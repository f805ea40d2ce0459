-- Every stated value of one metric over time, one series per basis, scope and route, with qualifier and source.
-- @param metric TEXT metric key (see the table metrics), e.g. 'freight_trains' or 'trade_sco'
SELECT f.basis, f.series_scope, f.scope, f.route_id, f.period, f.period_start, f.period_end, f.subject,
       f.qualifier, f.value, f.unit, f.value_base, f.unit_base, f.is_conversion, f.is_plan, f.ref, s.outlet, s.published
FROM facts_detail AS f
JOIN sources AS s ON s.id = f.source_id
WHERE f.metric = :metric
ORDER BY f.basis, f.series_scope, f.route_id, f.period_kind = 'undated', f.period_kind = 'span', f.period_end, f.period_start, f.source_id;

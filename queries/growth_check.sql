-- Stated year-on-year growth rates against the rates computed from stated values.
SELECT ref, metric, period, stated_pct, stated_qualifier, value, unit, prior_period, prior_value,
       prior_unit, computed_pct, status, source_id, prior_source_id
FROM growth_check
ORDER BY status = 'no stated base', status, ref;

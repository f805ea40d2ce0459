-- Stated year-on-year growth rates against the rates computed from stated levels on the same basis and scope.
SELECT ref, metric, basis, series_scope, scope, period, stated_qualifier, stated_pct, qualifier, value, unit,
       prior_period, prior_qualifier, prior_value, prior_unit, computed_pct, status, source_id, prior_source_id
FROM growth_check
ORDER BY status = 'no stated base', status, ref;

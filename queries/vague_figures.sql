-- Figures the sources state only approximately ('more than', 'nearly', 'about', 'less than'), with basis and scope.
SELECT qualifier, ref, subject, metric, period, value, unit, basis, scope, source_id
FROM facts
WHERE qualifier IS NOT NULL
ORDER BY qualifier, ref;

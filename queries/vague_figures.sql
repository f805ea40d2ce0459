-- Figures the sources state only approximately ('more than', 'nearly', 'about', 'less than').
SELECT qualifier, ref, subject, metric, period, value, unit, source_id
FROM facts_detail
WHERE qualifier IS NOT NULL
ORDER BY qualifier, ref;

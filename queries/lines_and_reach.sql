-- Train lines operated and the cities and countries they reach, one series per basis and scope, over time.
SELECT f.basis, f.series_scope, f.scope, f.period,
       max(CASE WHEN f.metric = 'train_lines' THEN f.value END) AS lines,
       max(CASE WHEN f.metric = 'cities_reached' THEN f.value END) AS cities,
       max(CASE WHEN f.metric = 'countries_reached' THEN f.value END) AS countries,
       group_concat(DISTINCT f.qualifier) AS qualifiers, f.ref, f.source_id
FROM facts_detail AS f
WHERE f.metric IN ('train_lines', 'cities_reached', 'countries_reached')
GROUP BY f.ref, f.period, f.basis, f.series_scope, f.scope, f.source_id
ORDER BY f.basis, f.series_scope, f.period_end, f.source_id;

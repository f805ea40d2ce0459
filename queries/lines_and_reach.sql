-- Train lines operated and the cities and countries they reach, over time and by basis.
SELECT f.period, f.basis,
       max(CASE WHEN f.metric = 'train_lines' THEN f.value END) AS lines,
       max(CASE WHEN f.metric = 'cities_reached' THEN f.value END) AS cities,
       max(CASE WHEN f.metric = 'countries_reached' THEN f.value END) AS countries,
       f.scope, f.ref, f.source_id
FROM facts_detail AS f
WHERE f.metric IN ('train_lines', 'cities_reached', 'countries_reached')
GROUP BY f.ref, f.period, f.basis, f.scope, f.source_id
ORDER BY f.period_end, f.basis, f.source_id;

-- Every figure of the founding article (China Daily, 2022-02-23) with its qualifier.
SELECT f.ref, f.subject, f.metric, f.period, f.qualifier, f.value, f.unit, f.value_base, f.unit_base
FROM facts_detail AS f
WHERE f.source_id = 'S01'
ORDER BY f.ref, f.from_id;

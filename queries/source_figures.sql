-- Everything one source states, with its citation: title, outlet, date and address.
-- @param source TEXT source id, e.g. 'S01' for the founding article
SELECT s.id, s.title, s.outlet, s.original_outlet, s.published, s.url,
       f.ref, f.subject, f.metric, f.period, f.value, f.unit
FROM sources AS s
JOIN facts AS f ON f.source_id = s.id
WHERE s.id = upper(:source)
ORDER BY f.ref, f.metric;

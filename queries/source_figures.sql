-- Everything one source states, with its citation (title, outlet, date and address) and each figure's qualifier, basis and scope.
-- @param source TEXT source id, e.g. 'S01' for the founding article
SELECT s.id, s.title, s.outlet, s.original_outlet, s.published, s.url,
       f.ref, f.subject, f.metric, f.period, f.qualifier, f.value, f.unit, f.basis, f.scope, f.is_conversion, f.is_plan
FROM sources AS s
JOIN source_figures AS f ON f.source_id = s.id
WHERE s.id = upper(:source)
ORDER BY f.ref IS NULL, f.ref, f.metric, f.subject;

-- Milestones of the zone, its platforms and expos in date order, each date as precise as its source, with their sources.
SELECT p.iso AS date, m.period, m.what, sc.name AS concerns, m.is_plan, m.note, m.ref, s.outlet
FROM milestones AS m
JOIN periods AS p ON p.id = m.period
JOIN scopes AS sc ON sc.key = m.scope
JOIN sources AS s ON s.id = m.source_id
ORDER BY p.start_date, p.end_date, m.id;

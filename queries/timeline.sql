-- Milestones of the zone, its platforms and expos in date order, with their sources.
SELECT p.start_date AS date, m.period, m.what, sc.name AS concerns, m.note, m.ref, s.outlet
FROM milestones AS m
JOIN periods AS p ON p.id = m.period
JOIN scopes AS sc ON sc.key = m.scope
JOIN sources AS s ON s.id = m.source_id
ORDER BY p.start_date, m.id;

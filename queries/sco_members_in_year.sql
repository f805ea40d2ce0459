-- Member states, observers and dialogue partners of the SCO in one year, each with the source of its status.
-- @param year INTEGER the year, e.g. 2022
SELECT m.status, m.country_code, c.name AS country, m.since, m.until, m.source_id, s.outlet, s.published
FROM sco_membership AS m
JOIN countries AS c ON c.code = m.country_code
JOIN sources AS s ON s.id = m.source_id
WHERE m.since <= :year AND (m.until IS NULL OR m.until > :year)
ORDER BY m.status = 'dialogue partner', m.status, m.since, c.name;

-- Routes to or from one country, with every run or event the sources describe, its date at the precision stated, and its source.
-- @param country TEXT ISO 3166-1 alpha-2 code of the country, e.g. 'KZ' or 'RU'
SELECT ro.name AS route, ro.foreign_end, rr.event, rr.period, p.iso AS date, rr.teu, rr.containers,
       rr.cargo, rr.cargo_value_qualifier, rr.cargo_value, rr.cargo_value_unit, rr.transit_days_qualifier, rr.transit_days,
       rr.ref, s.outlet, s.published
FROM routes_overview AS ro
JOIN route_runs AS rr ON rr.route_id = ro.id
JOIN periods AS p ON p.id = rr.period
JOIN sources AS s ON s.id = rr.source_id
WHERE ro.country_code = upper(:country)
ORDER BY ro.name, p.start_date IS NULL, p.start_date, rr.id;

-- The zone's logistics corridors by direction, with their partner countries and regions.
SELECT c.name, c.direction, c.mode, cp.position, pl.name AS partner, pl.kind, pl.country_code, c.period, c.ref
FROM corridors AS c
JOIN corridor_partners AS cp ON cp.corridor_id = c.id
JOIN places AS pl ON pl.id = cp.place_id
ORDER BY c.mode, c.id, cp.position;

-- scoql dataset schema, part 9: views. Derived values (normalised values, growth rates, conflicts,
-- summaries) live here and are never stored.

-- Every stated figure in long form with its full context: value as stated and in base units,
-- qualifier, counting basis, scope, period shape, and the table and row it comes from.
-- `facts` is the stable public subset of these columns.
CREATE VIEW facts_detail AS
WITH
obs AS (
  SELECT o.ref, COALESCE(r.name, pr.name, s.name) AS subject, o.metric, o.period,
         o.value, o.unit, o.value * u.factor AS value_base, u.base AS unit_base,
         o.qualifier, o.basis, o.scope, s.series_scope, o.route_id, o.project_id, o.equivalent,
         o.wording, o.note, o.source_id, 'observations' AS from_table, o.id AS from_id
  FROM observations AS o
  JOIN units AS u ON u.code = o.unit
  JOIN scopes AS s ON s.key = o.scope
  LEFT JOIN routes AS r ON r.id = o.route_id
  LEFT JOIN projects AS pr ON pr.id = o.project_id
),
runs AS (
  SELECT rr.*, r.name AS route_name, p.start_date AS period_start_date
  FROM route_runs AS rr JOIN routes AS r ON r.id = rr.route_id JOIN periods AS p ON p.id = rr.period
),
run_figures AS (
  SELECT ref, route_name, 'run_date' AS metric, period, period_start_date AS value, 'date' AS unit, NULL AS qualifier, route_id, event AS note, source_id, id FROM runs
  UNION ALL SELECT ref, route_name, 'run_ordinal', period, ordinal, 'ordinal', NULL, route_id, ordinal_of, source_id, id FROM runs WHERE ordinal IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_teu', period, teu, 'TEU', NULL, route_id, NULL, source_id, id FROM runs WHERE teu IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_containers', period, containers, 'containers', NULL, route_id, NULL, source_id, id FROM runs WHERE containers IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_wagons', period, wagons, 'wagons', NULL, route_id, NULL, source_id, id FROM runs WHERE wagons IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_tonnes', period, tonnes, 't', tonnes_qualifier, route_id, NULL, source_id, id FROM runs WHERE tonnes IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_cargo_value', period, cargo_value, cargo_value_unit, cargo_value_qualifier, route_id, cargo, source_id, id FROM runs WHERE cargo_value IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_transit_days', period, transit_days, 'days', transit_days_qualifier, route_id, NULL, source_id, id FROM runs WHERE transit_days IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_distance', period, distance_km, 'km', distance_qualifier, route_id, NULL, source_id, id FROM runs WHERE distance_km IS NOT NULL
),
runs_long AS (
  SELECT f.ref, f.route_name AS subject, f.metric, f.period, f.value, f.unit,
         CASE WHEN u.base IS NULL THEN NULL ELSE f.value * u.factor END AS value_base, u.base AS unit_base,
         f.qualifier, 'none' AS basis, 'zone' AS scope, 'zone' AS series_scope, f.route_id, NULL AS project_id, 0 AS equivalent,
         NULL AS wording, f.note, f.source_id, 'route_runs' AS from_table, f.id AS from_id
  FROM run_figures AS f JOIN units AS u ON u.code = f.unit
),
project_figures AS (
  SELECT pr.ref, pr.name AS subject, 'project_investment' AS metric, pr.period, pr.amount AS value, pr.amount_unit AS unit,
         pr.amount * u.factor AS value_base, u.base AS unit_base, pr.amount_qualifier AS qualifier,
         'none' AS basis, 'zone' AS scope, 'zone' AS series_scope, NULL AS route_id, pr.id AS project_id, 0 AS equivalent,
         NULL AS wording, pr.note, pr.source_id, 'projects' AS from_table, pr.rowid AS from_id
  FROM projects AS pr JOIN units AS u ON u.code = pr.amount_unit
),
batch_figures AS (
  SELECT b.ref, b.name AS subject, 'batch_projects' AS metric, b.period, b.projects AS value, 'projects' AS unit,
         b.projects AS value_base, 'count' AS unit_base, NULL AS qualifier, 'none' AS basis, b.scope, s.series_scope,
         NULL AS route_id, NULL AS project_id, 0 AS equivalent, b.status AS wording, NULL AS note, b.source_id,
         'investment_batches' AS from_table, b.rowid AS from_id
  FROM investment_batches AS b JOIN scopes AS s ON s.key = b.scope
  UNION ALL
  SELECT b.ref, b.name, 'batch_investment', b.period, b.amount, b.amount_unit, b.amount * u.factor, u.base, b.amount_qualifier,
         'none', b.scope, s.series_scope, NULL, NULL, 0, b.status, NULL, b.source_id, 'investment_batches', b.rowid
  FROM investment_batches AS b JOIN scopes AS s ON s.key = b.scope JOIN units AS u ON u.code = b.amount_unit
  UNION ALL
  SELECT b.ref, b.name, 'batch_investment', b.period, b.equiv_amount, b.equiv_unit, b.equiv_amount * u.factor, u.base, b.amount_qualifier,
         'none', b.scope, s.series_scope, NULL, NULL, 1, b.status, 'the source''s own conversion', b.source_id, 'investment_batches', b.rowid
  FROM investment_batches AS b JOIN scopes AS s ON s.key = b.scope JOIN units AS u ON u.code = b.equiv_unit
),
milestone_figures AS (
  SELECT m.ref, m.what AS subject, 'milestone_date' AS metric, m.period, p.start_date AS value, 'date' AS unit,
         NULL AS value_base, NULL AS unit_base, NULL AS qualifier, 'none' AS basis, m.scope, s.series_scope,
         NULL AS route_id, NULL AS project_id, 0 AS equivalent, m.event_key AS wording, m.note, m.source_id,
         'milestones' AS from_table, m.id AS from_id
  FROM milestones AS m JOIN periods AS p ON p.id = m.period JOIN scopes AS s ON s.key = m.scope
),
corridor_figures AS (
  SELECT c.ref, c.name || COALESCE(' (' || c.direction || ')', '') AS subject, 'corridor_partners' AS metric, c.period,
         (SELECT group_concat(name, '; ') FROM (SELECT pl.name FROM corridor_partners AS cp JOIN places AS pl ON pl.id = cp.place_id
                                               WHERE cp.corridor_id = c.id ORDER BY cp.position)) AS value,
         NULL AS unit, NULL AS value_base, NULL AS unit_base, NULL AS qualifier, 'none' AS basis, 'zone' AS scope, 'zone' AS series_scope,
         NULL AS route_id, NULL AS project_id, 0 AS equivalent, c.direction AS wording, NULL AS note, c.source_id,
         'corridors' AS from_table, c.rowid AS from_id
  FROM corridors AS c
),
all_figures AS (
  SELECT * FROM obs UNION ALL SELECT * FROM runs_long UNION ALL SELECT * FROM project_figures
  UNION ALL SELECT * FROM batch_figures UNION ALL SELECT * FROM milestone_figures UNION ALL SELECT * FROM corridor_figures
)
SELECT a.ref, a.subject, a.metric, a.period, p.kind AS period_kind, p.start_date AS period_start, p.end_date AS period_end,
       a.value, a.unit,
       -- value * factor, rid of binary noise (4.19 * 1e9 is 4190000000.0000005): rounded to 6 decimals,
       -- and an integer when whole.
       CASE WHEN a.value_base IS NULL OR typeof(a.value_base) = 'integer' THEN a.value_base
            WHEN round(a.value_base, 6) = CAST(round(a.value_base, 6) AS INTEGER) THEN CAST(round(a.value_base, 6) AS INTEGER)
            ELSE round(a.value_base, 6) END AS value_base,
       a.unit_base, a.qualifier, a.basis, a.scope, a.series_scope, a.route_id, a.project_id,
       a.equivalent, a.wording, a.note, a.source_id, a.from_table, a.from_id
FROM all_figures AS a JOIN periods AS p ON p.id = a.period;

-- Every stated figure in long form: ref (fact id), subject, metric key, period as stated and its
-- start and end (ISO, possibly partial), value and unit as stated, value in base units (CNY, USD,
-- count, percent, days, km, TEU, t, m2) and the source. Dates and lists have a text value and no base.
-- Public contract: these columns, in this order, stay stable. Qualifiers, bases and scopes are in `facts_detail`.
CREATE VIEW facts AS
SELECT ref, subject, metric, period, period_start, period_end, value, unit, value_base, unit_base, source_id
FROM facts_detail
ORDER BY ref, from_table, from_id, metric;

-- Year-over-year growth computed from two stated values of the same metric, counting basis, series
-- scope (see scopes.series_scope), route and base unit, for periods exactly one year apart
-- (years, half-years, quarters, months, year-to-date). growth_pct is computed, never stated.
CREATE VIEW yoy_growth AS
SELECT c.metric, c.series_scope AS scope, c.basis, c.route_id, c.period, c.value_base, q.period AS prior_period,
       q.value_base AS prior_value_base, c.unit_base,
       round(100.0 * (c.value_base * 1.0 / q.value_base - 1), 2) AS growth_pct,
       c.ref, q.ref AS prior_ref, c.source_id, q.source_id AS prior_source_id
FROM facts_detail AS c
JOIN facts_detail AS q
  ON q.metric = c.metric AND q.basis = c.basis AND q.series_scope = c.series_scope
 AND q.route_id IS c.route_id AND q.unit_base = c.unit_base
 AND q.period_start = date(c.period_start, '-1 year') AND q.period_end = date(c.period_end, '-1 year')
JOIN metrics AS m ON m.key = c.metric
WHERE c.from_table = 'observations' AND q.from_table = 'observations'
  AND c.equivalent = 0 AND q.equivalent = 0 AND c.qualifier IS NULL AND q.qualifier IS NULL
  AND m.kind = 'flow'
  AND c.period_kind IN ('year', 'half', 'quarter', 'month', 'ytd') AND q.period_kind = c.period_kind
  AND q.value_base <> 0;

-- Checks every stated year-on-year growth rate against the rate computed from stated values: the
-- level stated with it (same source, period, basis, series scope) against the stated level of a
-- year earlier (any source). status: 'consistent' (within rounding of the stated rate: 0.05 points for
-- a rate with decimals, 0.5 for a whole number; 'more than' rates must be exceeded), 'inconsistent',
-- or 'no stated base' (no level of a year earlier is stated).
CREATE VIEW growth_check AS
SELECT g.ref, g.metric, g.series_scope AS scope, g.basis, g.period, g.value AS stated_pct, g.qualifier AS stated_qualifier,
       c.ref AS value_ref, c.value AS value, c.unit AS unit,
       y.prior_ref AS prior_ref, y.prior_period, q.value AS prior_value, q.unit AS prior_unit,
       y.growth_pct AS computed_pct,
       CASE
         WHEN y.growth_pct IS NULL THEN 'no stated base'
         WHEN g.qualifier = 'more than' THEN CASE WHEN y.growth_pct > g.value THEN 'consistent' ELSE 'inconsistent' END
         WHEN g.qualifier IS NOT NULL THEN CASE WHEN abs(y.growth_pct - g.value) <= 1.0 THEN 'consistent' ELSE 'inconsistent' END
         WHEN abs(y.growth_pct - g.value) <= CASE WHEN g.value = round(g.value) THEN 0.5 ELSE 0.05 END + 1e-9 THEN 'consistent'
         ELSE 'inconsistent'
       END AS status,
       g.source_id, y.prior_source_id
FROM facts_detail AS g
JOIN metrics AS m ON m.key = g.metric AND m.kind = 'growth'
LEFT JOIN facts_detail AS c
  ON c.from_table = 'observations' AND c.metric = m.growth_of AND c.source_id = g.source_id AND c.period = g.period
 AND c.basis = g.basis AND c.series_scope = g.series_scope AND c.route_id IS g.route_id AND c.equivalent = 0
LEFT JOIN yoy_growth AS y ON y.ref = c.ref AND y.metric = c.metric AND y.period = c.period AND y.unit_base = c.unit_base
                         AND y.value_base = c.value_base
LEFT JOIN facts_detail AS q ON q.from_table = 'observations' AND q.ref = y.prior_ref AND q.metric = y.metric
                          AND q.period = y.prior_period AND q.value_base = y.prior_value_base
WHERE g.from_table = 'observations';

-- Disagreements between sources, both values kept: (1) 'metric': the same metric, period, counting
-- basis, series scope and base unit stated with different values by different sources; (2) 'route run':
-- the same train described with a different load, cargo value, transit time or distance, or a line whose
-- opening is dated to periods that do not overlap; (3) 'project': the same project with a different
-- amount or investor; (4) 'milestone': the same event with a different date.
CREATE VIEW conflicts AS
SELECT 'metric' AS topic, a.subject, a.metric AS attribute, a.period,
       a.ref AS ref_a, a.value AS value_a, a.unit AS unit_a, a.source_id AS source_a,
       b.ref AS ref_b, b.value AS value_b, b.unit AS unit_b, b.source_id AS source_b
FROM facts_detail AS a
JOIN facts_detail AS b
  ON b.from_table = 'observations' AND b.metric = a.metric AND b.period = a.period AND b.basis = a.basis
 AND b.series_scope = a.series_scope AND b.route_id IS a.route_id AND b.project_id IS a.project_id
 AND b.unit_base = a.unit_base AND b.source_id > a.source_id
WHERE a.from_table = 'observations'
  AND abs(a.value_base - b.value_base) > 1e-9 * abs(a.value_base)
UNION ALL
SELECT 'route run', a.subject, a.metric, a.period, a.ref, a.value, a.unit, a.source_id, b.ref, b.value, b.unit, b.source_id
FROM facts_detail AS a
JOIN route_runs AS ra ON ra.id = a.from_id AND ra.event IN ('first run', 'run')
JOIN facts_detail AS b
  ON b.from_table = 'route_runs' AND b.route_id = a.route_id AND b.period = a.period AND b.metric = a.metric
 AND b.unit_base = a.unit_base AND b.source_id > a.source_id
JOIN route_runs AS rb ON rb.id = b.from_id AND rb.event IN ('first run', 'run')
WHERE a.from_table = 'route_runs' AND a.metric NOT IN ('run_date', 'run_ordinal')
  AND abs(a.value_base - b.value_base) > 1e-9 * abs(a.value_base)
UNION ALL
SELECT 'route run', r.name, 'opening date', a.period, a.ref, pa.start_date, 'date', a.source_id, b.ref, pb.start_date, 'date', b.source_id
FROM route_runs AS a
JOIN route_runs AS b ON b.route_id = a.route_id AND b.source_id > a.source_id
JOIN periods AS pa ON pa.id = a.period
JOIN periods AS pb ON pb.id = b.period
JOIN routes AS r ON r.id = a.route_id
WHERE a.event IN ('first run', 'opened') AND b.event IN ('first run', 'opened')
  AND (pa.end_date < pb.start_date OR pb.end_date < pa.start_date)
UNION ALL
SELECT 'project', a.project_key, 'project_investment', a.period || ' / ' || b.period,
       a.ref, a.amount, a.amount_unit, a.source_id, b.ref, b.amount, b.amount_unit, b.source_id
FROM projects AS a
JOIN projects AS b ON b.project_key = a.project_key AND b.source_id > a.source_id
JOIN units AS ua ON ua.code = a.amount_unit
JOIN units AS ub ON ub.code = b.amount_unit AND ub.base = ua.base
WHERE abs(a.amount * ua.factor - b.amount * ub.factor) > 1e-9 * abs(a.amount * ua.factor)
UNION ALL
SELECT 'project', a.project_key, 'investor', a.period || ' / ' || b.period,
       a.ref, a.investor, NULL, a.source_id, b.ref, b.investor, NULL, b.source_id
FROM projects AS a
JOIN projects AS b ON b.project_key = a.project_key AND b.source_id > a.source_id
WHERE a.investor <> b.investor
UNION ALL
SELECT 'milestone', a.event_key, 'milestone_date', a.period || ' / ' || b.period,
       a.ref, pa.start_date, 'date', a.source_id, b.ref, pb.start_date, 'date', b.source_id
FROM milestones AS a
JOIN milestones AS b ON b.event_key = a.event_key AND b.source_id > a.source_id AND b.period <> a.period
JOIN periods AS pa ON pa.id = a.period
JOIN periods AS pb ON pb.id = b.period;

-- One row per route: its ends, the foreign end and its country (the destination, or the origin for
-- inbound lines), brand, type and mode, when it opened (the earliest first run or opening stated; ISO
-- start of that period; NULL when no source dates it) and how many runs and events the sources describe.
CREATE VIEW routes_overview AS
SELECT r.id, r.name, r.brand, r.line_type, r.mode, r.direction,
       o.name AS origin, d.name AS destination, b.name AS border,
       f.name AS foreign_end, f.country_code, c.name AS country,
       (SELECT min(p.start_date) FROM route_runs AS rr JOIN periods AS p ON p.id = rr.period
         WHERE rr.route_id = r.id AND rr.event IN ('first run', 'opened')) AS opened,
       (SELECT count(*) FROM route_runs AS rr WHERE rr.route_id = r.id) AS events,
       r.ref, r.source_id
FROM routes AS r
JOIN places AS o ON o.id = r.origin_id
LEFT JOIN places AS d ON d.id = r.destination_id
LEFT JOIN places AS b ON b.id = r.border_id
LEFT JOIN places AS f ON f.id = CASE WHEN r.direction = 'inbound' THEN r.origin_id ELSE r.destination_id END
LEFT JOIN countries AS c ON c.code = f.country_code;

-- Routes grouped by the country at their foreign end (ISO code; NULL for a region or an unnamed end)
-- and by the year they opened (NULL when no source dates the opening), with the route names.
CREATE VIEW routes_by_country AS
SELECT country_code, COALESCE(country, foreign_end, '(not stated)') AS country,
       substr(opened, 1, 4) AS year_opened, count(*) AS routes, group_concat(name, '; ') AS route_names
FROM (SELECT * FROM routes_overview ORDER BY opened, name)
GROUP BY country_code, CASE WHEN country_code IS NULL THEN foreign_end END, substr(opened, 1, 4)
ORDER BY country_code IS NULL, country_code, year_opened;

-- Trade and two-way investment with SCO countries over time, for the zone and for Qingdao as context:
-- every stated value (targets and averages included, marked by metric), oldest first.
CREATE VIEW sco_trade AS
SELECT f.period_start, f.period_end, f.period, f.scope, f.metric, m.label, f.value, f.unit, f.qualifier,
       f.value_base, f.unit_base, f.equivalent, f.ref, f.source_id
FROM facts_detail AS f JOIN metrics AS m ON m.key = f.metric
WHERE f.metric IN ('trade_sco', 'trade_sco_avg_growth', 'trade_sco_target', 'investment_sco_two_way',
                   'investment_sco_two_way_target', 'trade_share_of_city', 'trade_share_of_province_sco')
ORDER BY f.scope DESC, f.metric, f.period_end, f.period_start, f.source_id;

-- Stated project investment by year (of the statement) and investor country, in whole yuan and
-- dollars (CNY and USD kept apart). One amount per project and year: a project stated twice in a year counts once (the
-- larger amount if the sources differ); one stated in two years counts in each (see `conflicts`).
CREATE VIEW investment_by_year_country AS
WITH per_project AS (
  SELECT substr(COALESCE(p.start_date, p.end_date), 1, 4) AS year, pr.project_key,
         max(pr.investor_country) AS country_code, max(pr.name) AS name,
         max(CASE WHEN u.base = 'CNY' THEN CAST(round(pr.amount * u.factor) AS INTEGER) END) AS amount_cny,
         max(CASE WHEN u.base = 'USD' THEN CAST(round(pr.amount * u.factor) AS INTEGER) END) AS amount_usd
  FROM projects AS pr
  JOIN periods AS p ON p.id = pr.period
  LEFT JOIN units AS u ON u.code = pr.amount_unit
  GROUP BY 1, 2
)
SELECT pp.year, pp.country_code, c.name AS country, count(*) AS projects,
       count(pp.amount_cny) + count(pp.amount_usd) AS with_amount,
       sum(pp.amount_cny) AS amount_cny, sum(pp.amount_usd) AS amount_usd,
       group_concat(pp.name, '; ') AS project_names
FROM per_project AS pp
LEFT JOIN countries AS c ON c.code = pp.country_code
GROUP BY pp.year, pp.country_code
ORDER BY pp.year, pp.country_code IS NULL, pp.country_code;

-- Freight train counts over time: every stated count of the zone's freight trains with its
-- period, basis (operated, departures, arrivals plus departures), scope and the source's wording.
CREATE VIEW train_counts AS
SELECT f.period_start, f.period_end, f.period, f.period_kind, f.value, f.unit, f.qualifier, f.basis, f.scope,
       f.route_id, f.wording, f.ref, f.source_id
FROM facts_detail AS f
WHERE f.metric = 'freight_trains'
ORDER BY f.period_kind = 'span', f.period_start, f.period_end, f.source_id;

-- Where every fact id of shared/sources/facts.csv went: the table and number of rows that cite it,
-- or 'omitted' with the reason.
CREATE VIEW refs AS
SELECT ref, from_table, count(*) AS rows, NULL AS reason FROM (
  SELECT ref, 'observations' AS from_table FROM observations
  UNION ALL SELECT ref, 'route_runs' FROM route_runs
  UNION ALL SELECT ref, 'routes' FROM routes
  UNION ALL SELECT ref, 'projects' FROM projects
  UNION ALL SELECT ref, 'investment_batches' FROM investment_batches
  UNION ALL SELECT ref, 'milestones' FROM milestones
  UNION ALL SELECT ref, 'corridors' FROM corridors
  UNION ALL SELECT ref, 'overseas_hubs' FROM overseas_hubs
  UNION ALL SELECT ref, 'scopes' FROM scopes WHERE ref IS NOT NULL
)
GROUP BY ref, from_table
UNION ALL
SELECT ref, 'omitted', 1, reason FROM omitted
ORDER BY 1, 2;

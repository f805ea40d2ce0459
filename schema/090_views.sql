-- scoql dataset schema, part 9: views. Derived values (normalised values, growth rates, conflicts,
-- summaries) live here and are never stored. Every view names its columns in a list, each with
-- the comment above it that `.describe` shows; each column's declared type is the storage class
-- of its values ('BLOB', SQLite's name for no type, only where a column mixes numbers and text).

-- Every stated figure in long form with its full context: value as stated and in base units,
-- qualifier, counting basis, scope, period shape, whether it is the source's own conversion or a
-- plan, and the table and row it comes from. `facts` is the stable public subset of these columns.
CREATE VIEW facts_detail(
  -- Fact id in the dataset's research notes, e.g. 'F005'; the view `citations` gives its source.
  ref,
  -- What the figure is about: a route, a project, a milestone, a corridor or hub, or the body it
  -- is counted for (e.g. 'SCO demonstration zone (SCODA)').
  subject,
  -- Metric key (a row of `metrics`), e.g. 'freight_trains', 'run_date', 'project_status'.
  metric,
  -- Period as stated (a row of `periods`), e.g. '2021', '2022 H1', 'as of 2022-02', '2022 (by 2022-11-08)'.
  period,
  -- Shape of the period (periods.kind): 'day', 'days', 'month', 'quarter', 'half', 'year', 'ytd',
  -- 'window', 'as_of', 'span' or 'undated'.
  period_kind,
  -- First day the period can include (periods.start_date): a bound for sorting and joins, not a
  -- stated date; 'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' for 'as_of' and 'span' periods; NULL when no start is stated.
  period_start,
  -- Last day the period can include (periods.end_date), in the same form; never after the source's
  -- date unless the figure is a plan (is_plan = 1); NULL when undated.
  period_end,
  -- The figure as stated: a number (INTEGER or REAL) in `unit`; for dates (unit 'date') the period
  -- in ISO form at the precision stated ('2020', '2022-07', '2023-H1', '2019-05-24/2019-05-26');
  -- for statuses, hub kinds and corridor partners, TEXT. Mixed types, hence declared BLOB.
  value,
  -- Unit as stated (a row of `units`), e.g. 'billion CNY', '100 million CNY' (亿元), 'trains',
  -- 'date'; NULL for text values.
  unit,
  -- The value in base units (value × units.factor), computed from the stated digits and rounded to
  -- 15 significant digits, so 128.8 billion reads 128800000000; INTEGER when whole. NULL for dates and text.
  value_base,
  -- Base unit of value_base: 'CNY', 'USD', 'count', 'percent', 'days', 'km', 'TEU', 't' or 'm2'; NULL for dates and text.
  unit_base,
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies the figure; NULL when stated exactly.
  qualifier,
  -- Counting basis (a row of `bases`), e.g. 'arrivals_departures'; 'none' where the metric is counted one way.
  basis,
  -- Body the figure is counted for (a row of `scopes`), e.g. 'zone', 'multimodal_centre', 'qingdao';
  -- NULL for a project outside the zone.
  scope,
  -- Series the scope's figures join for growth and conflict checks (scopes.series_scope).
  series_scope,
  -- Route the figure is about (a row of `routes`); NULL otherwise.
  route_id,
  -- Project the figure is about (a row of `projects`); NULL otherwise.
  project_id,
  -- 1 when the figure is the source's own conversion of another figure it states (e.g. $4.19
  -- billion after 26.5 billion yuan); 0 otherwise. Never add a conversion to its original.
  is_conversion,
  -- 1 when the figure is a plan, target, schedule or expectation, or stated for an event still under
  -- way (its period may end after the source's date); 0 when it reports what happened.
  is_plan,
  -- The source's own name for what it counts, or the status or event of the row, when it says more than the metric.
  wording,
  -- What is vague about the figure, or why its scope or basis was chosen, in a few words of our own; NULL if nothing.
  note,
  -- Source of the statement (a row of `sources`).
  source_id,
  -- Table the figure is stored in: 'observations', 'route_runs', 'projects', 'investment_batches',
  -- 'milestones', 'corridors' or 'overseas_hubs'.
  from_table,
  -- Row id in that table (rowid).
  from_id
) AS
WITH
obs AS (
  SELECT o.ref, COALESCE(r.name, pr.name, s.name) AS subject, o.metric, o.period,
         o.value, o.unit, o.value * u.factor AS value_base, u.base AS unit_base,
         o.qualifier, o.basis, o.scope, s.series_scope, o.route_id, o.project_id, o.equivalent AS is_conversion,
         o.is_plan, o.wording, o.note, o.source_id, 'observations' AS from_table, o.id AS from_id
  FROM observations AS o
  JOIN units AS u ON u.code = o.unit
  JOIN scopes AS s ON s.key = o.scope
  LEFT JOIN routes AS r ON r.id = o.route_id
  LEFT JOIN projects AS pr ON pr.id = o.project_id
),
runs AS (
  SELECT rr.*, r.name AS route_name, p.iso AS period_iso, (rr.event = 'planned') AS planned
  FROM route_runs AS rr JOIN routes AS r ON r.id = rr.route_id JOIN periods AS p ON p.id = rr.period
),
run_figures AS (
  SELECT ref, route_name, 'run_date' AS metric, period, period_iso AS value, 'date' AS unit, NULL AS qualifier, route_id, event AS wording, note, planned, source_id, id FROM runs
  UNION ALL SELECT ref, route_name, CASE ordinal_counts WHEN 'lines' THEN 'line_ordinal' ELSE 'run_ordinal' END, period, ordinal, 'ordinal', NULL, route_id, ordinal_counts, ordinal_of, planned, source_id, id FROM runs WHERE ordinal IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_teu', period, teu, 'TEU', NULL, route_id, NULL, NULL, planned, source_id, id FROM runs WHERE teu IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_containers', period, containers, 'containers', NULL, route_id, NULL, NULL, planned, source_id, id FROM runs WHERE containers IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_wagons', period, wagons, 'wagons', NULL, route_id, NULL, NULL, planned, source_id, id FROM runs WHERE wagons IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_tonnes', period, tonnes, 't', tonnes_qualifier, route_id, cargo, NULL, planned, source_id, id FROM runs WHERE tonnes IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_cargo_value', period, cargo_value, cargo_value_unit, cargo_value_qualifier, route_id, cargo, NULL, planned, source_id, id FROM runs WHERE cargo_value IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_transit_days', period, transit_days, 'days', transit_days_qualifier, route_id, NULL, NULL, planned, source_id, id FROM runs WHERE transit_days IS NOT NULL
  UNION ALL SELECT ref, route_name, 'run_distance', period, distance_km, 'km', distance_qualifier, route_id, NULL, NULL, planned, source_id, id FROM runs WHERE distance_km IS NOT NULL
),
runs_long AS (
  SELECT f.ref, f.route_name AS subject, f.metric, f.period, f.value, f.unit,
         CASE WHEN u.base IS NULL THEN NULL ELSE f.value * u.factor END AS value_base, u.base AS unit_base,
         f.qualifier, 'none' AS basis, 'zone' AS scope, 'zone' AS series_scope, f.route_id, NULL AS project_id, 0 AS is_conversion,
         f.planned AS is_plan, f.wording, f.note, f.source_id, 'route_runs' AS from_table, f.id AS from_id
  FROM run_figures AS f JOIN units AS u ON u.code = f.unit
),
project_figures AS (
  SELECT pr.ref, pr.name AS subject, 'project_status' AS metric, pr.period, pr.status AS value, NULL AS unit,
         NULL AS value_base, NULL AS unit_base, NULL AS qualifier, 'none' AS basis,
         CASE WHEN pr.in_zone = 1 THEN 'zone' END AS scope, CASE WHEN pr.in_zone = 1 THEN 'zone' END AS series_scope,
         NULL AS route_id, pr.id AS project_id, 0 AS is_conversion, (pr.status = 'scheduled') AS is_plan,
         pr.investor AS wording, pr.note, pr.source_id, 'projects' AS from_table, pr.rowid AS from_id
  FROM projects AS pr
  UNION ALL
  SELECT pr.ref, pr.name, 'project_investment', pr.period, pr.amount, pr.amount_unit,
         pr.amount * u.factor, u.base, pr.amount_qualifier, 'none',
         CASE WHEN pr.in_zone = 1 THEN 'zone' END, CASE WHEN pr.in_zone = 1 THEN 'zone' END,
         NULL, pr.id, 0, (pr.status = 'scheduled'), pr.status, pr.note, pr.source_id, 'projects', pr.rowid
  FROM projects AS pr JOIN units AS u ON u.code = pr.amount_unit
),
batch_figures AS (
  SELECT b.ref, b.name AS subject, 'batch_projects' AS metric, b.period, b.projects AS value, 'projects' AS unit,
         b.projects AS value_base, 'count' AS unit_base, NULL AS qualifier, 'none' AS basis, b.scope, s.series_scope,
         NULL AS route_id, NULL AS project_id, 0 AS is_conversion, 0 AS is_plan, b.status AS wording, NULL AS note, b.source_id,
         'investment_batches' AS from_table, b.rowid AS from_id
  FROM investment_batches AS b JOIN scopes AS s ON s.key = b.scope
  UNION ALL
  SELECT b.ref, b.name, 'batch_investment', b.period, b.amount, b.amount_unit, b.amount * u.factor, u.base, b.amount_qualifier,
         'none', b.scope, s.series_scope, NULL, NULL, 0, 0, b.status, NULL, b.source_id, 'investment_batches', b.rowid
  FROM investment_batches AS b JOIN scopes AS s ON s.key = b.scope JOIN units AS u ON u.code = b.amount_unit
  UNION ALL
  SELECT b.ref, b.name, 'batch_investment', b.period, b.equiv_amount, b.equiv_unit, b.equiv_amount * u.factor, u.base, b.amount_qualifier,
         'none', b.scope, s.series_scope, NULL, NULL, 1, 0, b.status, 'the source''s own conversion', b.source_id, 'investment_batches', b.rowid
  FROM investment_batches AS b JOIN scopes AS s ON s.key = b.scope JOIN units AS u ON u.code = b.equiv_unit
),
milestone_figures AS (
  SELECT m.ref, m.what AS subject, 'milestone_date' AS metric, m.period, p.iso AS value, 'date' AS unit,
         NULL AS value_base, NULL AS unit_base, NULL AS qualifier, 'none' AS basis, m.scope, s.series_scope,
         NULL AS route_id, NULL AS project_id, 0 AS is_conversion, m.is_plan, m.event_key AS wording, m.note, m.source_id,
         'milestones' AS from_table, m.id AS from_id
  FROM milestones AS m JOIN periods AS p ON p.id = m.period JOIN scopes AS s ON s.key = m.scope
),
corridor_figures AS (
  SELECT c.ref, c.name || COALESCE(' (' || c.direction || ')', '') AS subject, 'corridor_partners' AS metric, c.period,
         (SELECT group_concat(name, '; ') FROM (SELECT pl.name FROM corridor_partners AS cp JOIN places AS pl ON pl.id = cp.place_id
                                               WHERE cp.corridor_id = c.id ORDER BY cp.position)) AS value,
         NULL AS unit, NULL AS value_base, NULL AS unit_base, NULL AS qualifier, 'none' AS basis, 'zone' AS scope, 'zone' AS series_scope,
         NULL AS route_id, NULL AS project_id, 0 AS is_conversion, 0 AS is_plan, c.direction AS wording, NULL AS note, c.source_id,
         'corridors' AS from_table, c.rowid AS from_id
  FROM corridors AS c
),
hub_figures AS (
  SELECT h.ref, pl.name || ' (' || h.service || ')' AS subject, 'overseas_hub' AS metric, h.period, h.kind AS value,
         NULL AS unit, NULL AS value_base, NULL AS unit_base, NULL AS qualifier, 'none' AS basis, 'zone' AS scope, 'zone' AS series_scope,
         NULL AS route_id, NULL AS project_id, 0 AS is_conversion, 0 AS is_plan, h.service AS wording, NULL AS note, h.source_id,
         'overseas_hubs' AS from_table, h.id AS from_id
  FROM overseas_hubs AS h JOIN places AS pl ON pl.id = h.place_id
),
all_figures AS (
  SELECT * FROM obs UNION ALL SELECT * FROM runs_long UNION ALL SELECT * FROM project_figures
  UNION ALL SELECT * FROM batch_figures UNION ALL SELECT * FROM milestone_figures UNION ALL SELECT * FROM corridor_figures
  UNION ALL SELECT * FROM hub_figures
)
SELECT CAST(a.ref AS TEXT), CAST(a.subject AS TEXT), CAST(a.metric AS TEXT), CAST(a.period AS TEXT), p.kind, p.start_date, p.end_date,
       a.value, CAST(a.unit AS TEXT),
       CAST(CASE WHEN a.value_base IS NULL OR typeof(a.value_base) = 'integer' THEN a.value_base
                 ELSE CAST(printf('%.15g', a.value_base) AS NUMERIC) END AS NUMERIC),
       CAST(a.unit_base AS TEXT), CAST(a.qualifier AS TEXT), CAST(a.basis AS TEXT), CAST(a.scope AS TEXT), CAST(a.series_scope AS TEXT),
       CAST(a.route_id AS TEXT), CAST(a.project_id AS TEXT), CAST(a.is_conversion AS INTEGER), CAST(a.is_plan AS INTEGER),
       CAST(a.wording AS TEXT), CAST(a.note AS TEXT), CAST(a.source_id AS TEXT), CAST(a.from_table AS TEXT), CAST(a.from_id AS INTEGER)
FROM all_figures AS a JOIN periods AS p ON p.id = a.period;

-- Every stated figure in long form: the public view. Its first eleven columns are a contract that
-- saved queries rely on and stay as they are; later columns are added after them. A figure's
-- qualifier, basis and scope travel with it: read `value` together with `qualifier`.
CREATE VIEW facts(
  -- Fact id in the dataset's research notes, e.g. 'F005'; the view `citations` gives its source.
  ref,
  -- What the figure is about: a route, a project, a milestone, a corridor or hub, or the body it is counted for.
  subject,
  -- Metric key (a row of `metrics`), e.g. 'freight_trains', 'trade_total', 'run_date'.
  metric,
  -- Period as stated (a row of `periods`), e.g. '2021', '2022 H1', 'as of 2022-02', '2022 (by 2022-11-08)'.
  period,
  -- First day the period can include: a bound for sorting and joins, not a stated date
  -- ('YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' for 'as of' and cumulative periods); NULL when no start is stated.
  period_start,
  -- Last day the period can include, in the same form; never after the source's date unless
  -- is_plan = 1; NULL when undated.
  period_end,
  -- The figure as stated: a number (INTEGER or REAL) in `unit`, to be read with `qualifier`; for
  -- dates (unit 'date') the period in ISO form at the precision stated ('2020', '2022-07',
  -- '2023-H1', '2019-05-24/2019-05-26'); TEXT for statuses, hub kinds and corridor partners.
  -- Mixed types, hence declared BLOB.
  value,
  -- Unit as stated (a row of `units`), e.g. 'billion CNY', '100 million CNY' (亿元), 'trains', 'date'; NULL for text values.
  unit,
  -- The value in base units, computed from the stated digits (rounded to 15 significant digits;
  -- INTEGER when whole), so 128.8 billion yuan reads 128800000000. NULL for dates and text.
  value_base,
  -- Base unit of value_base: 'CNY', 'USD', 'count', 'percent', 'days', 'km', 'TEU', 't' or 'm2'; NULL for dates and text.
  unit_base,
  -- Source of the statement (a row of `sources`; see `citations`).
  source_id,
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies the figure ('more than
  -- 1,700' is 'more than' and 1700); NULL when stated exactly.
  qualifier,
  -- Counting basis (a row of `bases`): e.g. 'departures', 'arrivals_departures', 'international';
  -- figures on different bases are different series. 'none' where the metric is counted one way.
  basis,
  -- Body the figure is counted for (a row of `scopes`): 'zone', 'multimodal_centre', 'qilu_brand',
  -- 'qingdao', ...; figures for different scopes are different series. NULL for a project outside the zone.
  scope,
  -- 1 when the figure is the source's own conversion of another figure it states (F012's $4.19
  -- billion for 26.5 billion yuan); 0 otherwise. Never add a conversion to its original.
  is_conversion,
  -- 1 when the figure is a plan, target, schedule or expectation, or stated for an event still under
  -- way; 0 when it reports what happened.
  is_plan,
  -- What is vague about the figure, or why its scope or basis was chosen, in a few words of our own; NULL if nothing.
  note
) AS
SELECT ref, subject, metric, period, period_start, period_end, value, unit, value_base, unit_base, source_id,
       qualifier, basis, scope, is_conversion, is_plan, note
FROM facts_detail
ORDER BY ref, from_table, from_id, metric;

-- Where every fact id of the research notes can be read: for each ref and source, the outlet,
-- title, date and address (one row per ref and source; `.sources ID` lists a source's figures).
CREATE VIEW citations(
  -- Fact id in the research notes, e.g. 'F060'.
  ref,
  -- Source id (a row of `sources`), e.g. 'S25'.
  source_id,
  -- Outlet where the text was read, e.g. 'SCODA official English site'.
  outlet,
  -- Title as published; NULL when the page shows none (see `note`).
  title,
  -- Publication date, as precise as known ('YYYY-MM-DD', 'YYYY-MM' or 'YYYY'); NULL when undated.
  published,
  -- Web address where the text was read; NULL when none is known (cite by title and outlet).
  url,
  -- A second address of the same text, if any.
  mirror_url,
  -- Outlet that first published a reprinted text, e.g. 'Xinhua'; NULL for originals.
  original_outlet,
  -- Kind of publication: 'news', 'official site', 'press release' or 'reprint'.
  kind,
  -- Language of the text: 'en', 'zh', 'de', 'ru' or 'ja'.
  language,
  -- What is uncertain about the date or the title; NULL when nothing is.
  note
) AS
SELECT CAST(c.ref AS TEXT), s.id, s.outlet, s.title, s.published, s.url, s.mirror_url, s.original_outlet, s.kind, s.language, s.note
FROM (SELECT ref, source_id FROM facts_detail
      UNION SELECT ref, source_id FROM routes
      UNION SELECT ref, source_id FROM scopes WHERE ref IS NOT NULL) AS c
JOIN sources AS s ON s.id = c.source_id
ORDER BY 1, 2;

-- Everything one source states, for `.sources ID`: the figures of `facts` with their qualifier,
-- basis and scope, and the SCO membership statuses the source is cited for.
CREATE VIEW source_figures(
  -- Source id (a row of `sources`).
  source_id,
  -- Fact id in the research notes; NULL for a status of `sco_membership` (not from the notes).
  ref,
  -- What the figure is about (for a membership status, the country).
  subject,
  -- Metric key (a row of `metrics`); 'sco_status' for a membership status.
  metric,
  -- Period as stated (a row of `periods`); for a membership status, 'since YYYY' or 'YYYY to YYYY'.
  period,
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies the figure; NULL when stated exactly.
  qualifier,
  -- The figure as stated (see facts.value; for a membership status, the status). Mixed types, hence declared BLOB.
  value,
  -- Unit as stated; NULL for text values.
  unit,
  -- Counting basis (a row of `bases`); NULL for a membership status.
  basis,
  -- Body the figure is counted for (a row of `scopes`); NULL for a membership status or a project outside the zone.
  scope,
  -- 1 when the figure is the source's own conversion of another figure it states; 0 otherwise.
  is_conversion,
  -- 1 when the figure is a plan, target, schedule or expectation; 0 otherwise.
  is_plan,
  -- What is vague about the figure, in a few words of our own; NULL if nothing.
  note
) AS
SELECT CAST(source_id AS TEXT), CAST(ref AS TEXT), CAST(subject AS TEXT), CAST(metric AS TEXT), CAST(period AS TEXT),
       CAST(qualifier AS TEXT), value, CAST(unit AS TEXT), CAST(basis AS TEXT), CAST(scope AS TEXT),
       CAST(is_conversion AS INTEGER), CAST(is_plan AS INTEGER), CAST(note AS TEXT)
FROM (
  SELECT source_id, ref, subject, metric, period, qualifier, value, unit, basis, scope, is_conversion, is_plan, note,
         0 AS part, from_table, from_id
  FROM facts_detail
  UNION ALL
  SELECT m.source_id, NULL, c.name, 'sco_status',
         CASE WHEN m.until IS NULL THEN 'since ' || m.since ELSE m.since || ' to ' || m.until END,
         NULL, m.status, NULL, NULL, NULL, 0, 0, m.note, 1, 'sco_membership', m.rowid
  FROM sco_membership AS m JOIN countries AS c ON c.code = m.country_code
)
ORDER BY source_id, part, ref, from_table, from_id, metric;

-- Year-over-year growth computed from two stated values of the same metric, counting basis, series
-- scope (see scopes.series_scope), route and base unit, for periods exactly one year apart
-- (years, half-years, quarters, months, year-to-date). growth_pct is computed, never stated; only
-- exact figures (no qualifier, no conversions, no plans) take part.
CREATE VIEW yoy_growth(
  -- Metric key (a row of `metrics`) of kind 'flow'.
  metric,
  -- Series scope both values are counted for (scopes.series_scope): the multimodal centre's
  -- counts are the zone's series; each value's own scope is in `facts`.
  series_scope,
  -- Counting basis of both values (a row of `bases`).
  basis,
  -- Route both values are about; NULL for figures of the whole scope.
  route_id,
  -- Period of the later value (a row of `periods`).
  period,
  -- Later value in base units.
  value_base,
  -- Period of the earlier value, exactly one year before `period`.
  prior_period,
  -- Earlier value in base units.
  prior_value_base,
  -- Base unit of both values.
  unit_base,
  -- Computed change in percent, rounded to two decimals.
  growth_pct,
  -- Fact id of the later value.
  ref,
  -- Fact id of the earlier value.
  prior_ref,
  -- Source of the later value.
  source_id,
  -- Source of the earlier value.
  prior_source_id
) AS
SELECT c.metric, c.series_scope, c.basis, c.route_id, c.period, c.value_base, q.period,
       q.value_base, c.unit_base,
       CAST(round(100.0 * (c.value_base * 1.0 / q.value_base - 1), 2) AS REAL),
       c.ref, q.ref, c.source_id, q.source_id
FROM facts_detail AS c
JOIN facts_detail AS q
  ON q.metric = c.metric AND q.basis = c.basis AND q.series_scope = c.series_scope
 AND q.route_id IS c.route_id AND q.unit_base = c.unit_base
 AND q.period_start = date(c.period_start, '-1 year') AND q.period_end = date(c.period_end, '-1 year')
JOIN metrics AS m ON m.key = c.metric
WHERE c.from_table = 'observations' AND q.from_table = 'observations'
  AND c.is_conversion = 0 AND q.is_conversion = 0 AND c.qualifier IS NULL AND q.qualifier IS NULL
  AND c.is_plan = 0 AND q.is_plan = 0
  AND m.kind = 'flow'
  AND c.period_kind IN ('year', 'half', 'quarter', 'month', 'ytd') AND q.period_kind = c.period_kind
  AND q.value_base <> 0;

-- Checks every stated year-on-year growth rate against the rate computed from stated values: the
-- level stated with it (same source, period, basis, series scope) against the stated level of a
-- year earlier (any source). status: 'consistent' (within rounding of the stated rate: 0.05 points for
-- a rate with decimals, 0.5 for a whole number; 'more than' rates must be exceeded), 'inconsistent',
-- or 'no stated base' (no level of a year earlier is stated on the same basis and scope).
CREATE VIEW growth_check(
  -- Fact id of the stated growth rate.
  ref,
  -- Metric key of the rate (a growth metric, e.g. 'freight_trains_yoy').
  metric,
  -- Series scope of the rate (scopes.series_scope): the multimodal centre's counts are the
  -- zone's series; the rate's own scope is in `facts`.
  series_scope,
  -- Counting basis of the rate (a row of `bases`).
  basis,
  -- Period of the rate (a row of `periods`).
  period,
  -- The rate as stated, in percent.
  stated_pct,
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies the rate; NULL when exact.
  stated_qualifier,
  -- Fact id of the level stated with the rate; NULL when the source states none.
  value_ref,
  -- The level stated with the rate, as stated (a number, in `unit`).
  value,
  -- Unit of `value`.
  unit,
  -- Fact id of the level of a year earlier; NULL when none is stated.
  prior_ref,
  -- Period of the level of a year earlier (a row of `periods`).
  prior_period,
  -- The level of a year earlier, as stated (a number, in `prior_unit`).
  prior_value,
  -- Unit of `prior_value`.
  prior_unit,
  -- The rate computed from the two levels, in percent (two decimals).
  computed_pct,
  -- 'consistent', 'inconsistent' or 'no stated base'.
  status,
  -- Source of the rate.
  source_id,
  -- Source of the level of a year earlier.
  prior_source_id,
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies the level; NULL when exact.
  qualifier,
  -- Qualifier of the level of a year earlier (NULL: only exact levels are compared).
  prior_qualifier,
  -- Scope the source states the rate for (a row of `scopes`); series_scope is the series it joins.
  scope
) AS
SELECT g.ref, g.metric, g.series_scope, g.basis, g.period, CAST(g.value AS REAL), g.qualifier,
       c.ref, CAST(c.value AS NUMERIC), c.unit,
       y.prior_ref, y.prior_period, CAST(q.value AS NUMERIC), q.unit,
       y.growth_pct,
       CAST(CASE
         WHEN y.growth_pct IS NULL THEN 'no stated base'
         WHEN g.qualifier = 'more than' THEN CASE WHEN y.growth_pct > g.value THEN 'consistent' ELSE 'inconsistent' END
         WHEN g.qualifier IS NOT NULL THEN CASE WHEN abs(y.growth_pct - g.value) <= 1.0 THEN 'consistent' ELSE 'inconsistent' END
         WHEN abs(y.growth_pct - g.value) <= CASE WHEN g.value = round(g.value) THEN 0.5 ELSE 0.05 END + 1e-9 THEN 'consistent'
         ELSE 'inconsistent'
       END AS TEXT),
       g.source_id, y.prior_source_id, c.qualifier, q.qualifier, CAST(g.scope AS TEXT)
FROM facts_detail AS g
JOIN metrics AS m ON m.key = g.metric AND m.kind = 'growth'
LEFT JOIN facts_detail AS c
  ON c.from_table = 'observations' AND c.metric = m.growth_of AND c.source_id = g.source_id AND c.period = g.period
 AND c.basis = g.basis AND c.series_scope = g.series_scope AND c.route_id IS g.route_id AND c.is_conversion = 0
LEFT JOIN yoy_growth AS y ON y.ref = c.ref AND y.metric = c.metric AND y.period = c.period AND y.unit_base = c.unit_base
                         AND y.value_base = c.value_base
LEFT JOIN facts_detail AS q ON q.from_table = 'observations' AND q.ref = y.prior_ref AND q.metric = y.metric
                          AND q.period = y.prior_period AND q.value_base = y.prior_value_base
WHERE g.from_table = 'observations';

-- Checks across a series: what sources state at different times that cannot all be true, each
-- with both figures and both sources. finding: 'running total falls' (a cumulative total stated
-- later, over a window that includes the earlier one, is smaller: a total with no stated start is
-- taken to run from the beginning); 'count falls' (a stock counted on the same basis and scope
-- drops by more than a fifth from one statement to the next); 'count jumps' (it rises by more than
-- half within six months); 'implied count differs' (a stated total and a stated number added since
-- a date imply the count before that date, which differs from a count stated before it, on the
-- same basis, for the scope shown). Qualifiers are respected: 'more than 2,000' then 1,925 is a fall.
CREATE VIEW series_checks(
  -- What is found: 'running total falls', 'count falls', 'count jumps' or 'implied count differs'.
  finding,
  -- Metric key of both figures (a row of `metrics`).
  metric,
  -- Counting basis of both figures (a row of `bases`).
  basis,
  -- Fact id of the earlier figure.
  ref_a,
  -- Period of the earlier figure (a row of `periods`).
  period_a,
  -- Scope of the earlier figure (a row of `scopes`).
  scope_a,
  -- Qualifier of the earlier figure; NULL when exact.
  qualifier_a,
  -- The earlier figure as stated (a number, in unit_a).
  value_a,
  -- Unit of value_a.
  unit_a,
  -- Source of the earlier figure.
  source_a,
  -- Fact id of the later figure (for 'implied count differs', the number added).
  ref_b,
  -- Period of the later figure (a row of `periods`).
  period_b,
  -- Scope of the later figure (a row of `scopes`).
  scope_b,
  -- Qualifier of the later figure; NULL when exact.
  qualifier_b,
  -- The later figure as stated; for 'implied count differs', the implied count before period_b
  -- (a number, in unit_b; computed, not stated).
  value_b,
  -- Unit of value_b.
  unit_b,
  -- Source of the later figure.
  source_b,
  -- The finding in a sentence, with the figures it compares.
  detail
) AS
WITH base AS (
  SELECT f.*, m.kind AS metric_kind, m.increment_of,
         julianday(substr(f.period_end || '-01-01', 1, 10)) AS end_day
  FROM facts_detail AS f JOIN metrics AS m ON m.key = f.metric
  WHERE f.from_table = 'observations' AND f.is_conversion = 0 AND f.is_plan = 0 AND f.period_end IS NOT NULL
),
stock AS (
  SELECT b.*, lead(b.ref) OVER w AS next_ref, lead(b.from_id) OVER w AS next_id
  FROM base AS b
  WHERE b.metric_kind = 'stock' AND b.period_kind <> 'undated'
  WINDOW w AS (PARTITION BY b.metric, b.basis, b.series_scope, b.unit_base, b.route_id ORDER BY b.period_end, b.period_start, b.ref, b.from_id)
),
found AS (
  SELECT 'running total falls' AS finding, a.metric, a.basis, a.ref AS ref_a, a.period AS period_a, a.scope AS scope_a,
         a.qualifier AS qualifier_a, a.value AS value_a, a.unit AS unit_a, a.source_id AS source_a,
         b.ref AS ref_b, b.period AS period_b, b.scope AS scope_b, b.qualifier AS qualifier_b, b.value AS value_b,
         b.unit AS unit_b, b.source_id AS source_b,
         printf('%s%s %s to %s (%s), then %s%s %s to %s (%s): a running total cannot fall',
                COALESCE(a.qualifier || ' ', ''), a.value, a.unit, COALESCE(a.period_end, '?'), a.source_id,
                COALESCE(b.qualifier || ' ', ''), b.value, b.unit, COALESCE(b.period_end, '?'), b.source_id) AS detail
  FROM base AS a
  JOIN base AS b
    ON b.metric = a.metric AND b.basis = a.basis AND b.series_scope = a.series_scope AND b.route_id IS a.route_id
   AND b.unit_base = a.unit_base AND b.end_day > a.end_day
   AND (b.period_start IS NULL OR (a.period_start IS NOT NULL AND b.period_start <= a.period_start))
  WHERE a.metric_kind = 'flow' AND a.period_kind = 'span' AND b.period_kind = 'span'
    AND b.value_base < a.value_base
    AND COALESCE(a.qualifier, '') IN ('', 'more than') AND COALESCE(b.qualifier, '') IN ('', 'less than', 'nearly')
  UNION ALL
  SELECT CASE WHEN b.value_base < a.value_base THEN 'count falls' ELSE 'count jumps' END,
         a.metric, a.basis, a.ref, a.period, a.scope, a.qualifier, a.value, a.unit, a.source_id,
         b.ref, b.period, b.scope, b.qualifier, b.value, b.unit, b.source_id,
         printf('%s%s %s as of %s (%s), then %s%s %s as of %s (%s), on the same basis and %s',
                COALESCE(a.qualifier || ' ', ''), a.value, a.unit, a.period_end, a.source_id,
                COALESCE(b.qualifier || ' ', ''), b.value, b.unit, b.period_end, b.source_id,
                CASE WHEN a.scope = b.scope THEN 'scope'
                     ELSE printf('series scope (%s counts as %s)',
                                 CASE WHEN a.scope <> a.series_scope THEN a.scope ELSE b.scope END,
                                 a.series_scope) END)
  FROM stock AS a
  JOIN base AS b ON b.ref = a.next_ref AND b.from_id = a.next_id
  WHERE (b.value_base < 0.8 * a.value_base
         AND COALESCE(a.qualifier, '') IN ('', 'more than') AND COALESCE(b.qualifier, '') IN ('', 'less than', 'nearly'))
     OR (b.value_base > 1.5 * a.value_base AND b.end_day - a.end_day <= 183
         AND COALESCE(a.qualifier, '') IN ('', 'less than', 'nearly') AND COALESCE(b.qualifier, '') IN ('', 'more than'))
  UNION ALL
  SELECT 'implied count differs', t.metric, t.basis, e.ref, e.period, e.scope, e.qualifier, e.value, e.unit, e.source_id,
         d.ref, d.period, t.scope, NULL, t.value_base - d.value_base, t.unit, d.source_id,
         printf('%s %s added over %s and %s in all as of %s (%s, %s) imply %s before %s; %s states %s%s as of %s for %s',
                d.value, d.unit, d.period, t.value, t.period_end, d.ref, t.ref, t.value_base - d.value_base,
                d.period_start, e.ref, COALESCE(e.qualifier || ' ', ''), e.value, e.period_end, e.scope)
  FROM base AS d
  JOIN base AS t ON t.metric = d.increment_of AND t.source_id = d.source_id AND t.period_end = d.period_end
                AND t.basis = d.basis AND t.series_scope = d.series_scope
  JOIN base AS e ON e.metric = t.metric AND e.basis = t.basis AND e.unit_base = t.unit_base
                AND e.period_end < d.period_start
  WHERE d.increment_of IS NOT NULL AND d.period_start IS NOT NULL
    AND e.value_base <> t.value_base - d.value_base
)
SELECT CAST(finding AS TEXT), CAST(metric AS TEXT), CAST(basis AS TEXT), CAST(ref_a AS TEXT), CAST(period_a AS TEXT),
       CAST(scope_a AS TEXT), CAST(qualifier_a AS TEXT), CAST(value_a AS NUMERIC), CAST(unit_a AS TEXT), CAST(source_a AS TEXT),
       CAST(ref_b AS TEXT), CAST(period_b AS TEXT), CAST(scope_b AS TEXT), CAST(qualifier_b AS TEXT), CAST(value_b AS NUMERIC),
       CAST(unit_b AS TEXT), CAST(source_b AS TEXT), CAST(detail AS TEXT)
FROM found
ORDER BY 1, 2, 3, 5, 12;

-- Disagreements between sources, both values kept: (1) 'metric': the same metric, period, counting
-- basis, series scope and base unit stated with different values by different sources; (2) 'route run':
-- the same train described with a different load, cargo value, transit time or distance, or a line whose
-- opening is dated to periods that do not overlap; (3) 'project': the same project with a different
-- amount or investor; (4) 'milestone': the same event with a different date; (5) 'series': figures
-- of different periods that cannot all be true (see `series_checks`). Dates are shown at the
-- precision each source stated.
CREATE VIEW conflicts(
  -- 'metric', 'route run', 'project', 'milestone' or 'series'.
  topic,
  -- What the two statements are about: a body, a route, a project key or an event key.
  subject,
  -- What they disagree on: a metric key, 'opening date', 'investor', or a series finding's metric.
  attribute,
  -- Period of both statements, or 'period_a / period_b' when they differ.
  period,
  -- Fact id of the first statement.
  ref_a,
  -- The first statement's value (a number, a date at its stated precision, or a name). Mixed
  -- types, hence declared BLOB.
  value_a,
  -- Unit of value_a ('date' for dates; NULL for names).
  unit_a,
  -- Source of the first statement.
  source_a,
  -- Fact id of the second statement.
  ref_b,
  -- The second statement's value, like value_a. Mixed types, hence declared BLOB.
  value_b,
  -- Unit of value_b.
  unit_b,
  -- Source of the second statement.
  source_b,
  -- 'more than', 'less than', 'nearly' or 'about' when the first source qualifies its value; NULL when exact.
  qualifier_a,
  -- Qualifier of the second value, likewise.
  qualifier_b,
  -- Period of the first statement (a row of `periods`).
  period_a,
  -- Period of the second statement (a row of `periods`).
  period_b,
  -- What the disagreement is, in a sentence, for 'series' rows; NULL for the others.
  detail
) AS
WITH pairs AS (
  SELECT 'metric' AS topic, a.subject, a.metric AS attribute, a.period,
         a.ref AS ref_a, a.value AS value_a, a.unit AS unit_a, a.source_id AS source_a,
         b.ref AS ref_b, b.value AS value_b, b.unit AS unit_b, b.source_id AS source_b,
         a.qualifier AS qualifier_a, b.qualifier AS qualifier_b, a.period AS period_a, b.period AS period_b, NULL AS detail
  FROM facts_detail AS a
  JOIN facts_detail AS b
    ON b.from_table = 'observations' AND b.metric = a.metric AND b.period = a.period AND b.basis = a.basis
   AND b.series_scope = a.series_scope AND b.route_id IS a.route_id AND b.project_id IS a.project_id
   AND b.unit_base = a.unit_base AND b.source_id > a.source_id
  WHERE a.from_table = 'observations'
    AND abs(a.value_base - b.value_base) > 1e-9 * abs(a.value_base)
  UNION ALL
  SELECT 'route run', a.subject, a.metric, a.period, a.ref, a.value, a.unit, a.source_id, b.ref, b.value, b.unit, b.source_id,
         a.qualifier, b.qualifier, a.period, b.period, NULL
  FROM facts_detail AS a
  JOIN route_runs AS ra ON ra.id = a.from_id AND ra.event IN ('first run', 'run')
  JOIN facts_detail AS b
    ON b.from_table = 'route_runs' AND b.route_id = a.route_id AND b.period = a.period AND b.metric = a.metric
   AND b.unit_base = a.unit_base AND b.source_id > a.source_id
  JOIN route_runs AS rb ON rb.id = b.from_id AND rb.event IN ('first run', 'run')
  WHERE a.from_table = 'route_runs' AND a.metric NOT IN ('run_date', 'run_ordinal', 'line_ordinal')
    AND abs(a.value_base - b.value_base) > 1e-9 * abs(a.value_base)
  UNION ALL
  SELECT 'route run', r.name, 'opening date', a.period || CASE WHEN b.period <> a.period THEN ' / ' || b.period ELSE '' END,
         a.ref, pa.iso, 'date', a.source_id, b.ref, pb.iso, 'date', b.source_id,
         NULL, NULL, a.period, b.period, NULL
  FROM route_runs AS a
  JOIN route_runs AS b ON b.route_id = a.route_id AND b.source_id > a.source_id
  JOIN periods AS pa ON pa.id = a.period
  JOIN periods AS pb ON pb.id = b.period
  JOIN routes AS r ON r.id = a.route_id
  WHERE a.event IN ('first run', 'opened') AND b.event IN ('first run', 'opened')
    AND (pa.end_date < pb.start_date OR pb.end_date < pa.start_date)
  UNION ALL
  SELECT 'project', a.project_key, 'project_investment', a.period || ' / ' || b.period,
         a.ref, a.amount, a.amount_unit, a.source_id, b.ref, b.amount, b.amount_unit, b.source_id,
         a.amount_qualifier, b.amount_qualifier, a.period, b.period, NULL
  FROM projects AS a
  JOIN projects AS b ON b.project_key = a.project_key AND b.source_id > a.source_id
  JOIN units AS ua ON ua.code = a.amount_unit
  JOIN units AS ub ON ub.code = b.amount_unit AND ub.base = ua.base
  WHERE abs(a.amount * ua.factor - b.amount * ub.factor) > 1e-9 * abs(a.amount * ua.factor)
  UNION ALL
  SELECT 'project', a.project_key, 'investor', a.period || ' / ' || b.period,
         a.ref, a.investor, NULL, a.source_id, b.ref, b.investor, NULL, b.source_id,
         NULL, NULL, a.period, b.period, NULL
  FROM projects AS a
  JOIN projects AS b ON b.project_key = a.project_key AND b.source_id > a.source_id
  WHERE a.investor <> b.investor
  UNION ALL
  SELECT 'milestone', a.event_key, 'milestone_date', a.period || ' / ' || b.period,
         a.ref, pa.iso, 'date', a.source_id, b.ref, pb.iso, 'date', b.source_id,
         NULL, NULL, a.period, b.period, NULL
  FROM milestones AS a
  JOIN milestones AS b ON b.event_key = a.event_key AND b.source_id > a.source_id AND b.period <> a.period
  JOIN periods AS pa ON pa.id = a.period
  JOIN periods AS pb ON pb.id = b.period
  UNION ALL
  SELECT 'series', s.name, c.metric, c.period_a || ' / ' || c.period_b,
         c.ref_a, c.value_a, c.unit_a, c.source_a, c.ref_b, c.value_b, c.unit_b, c.source_b,
         c.qualifier_a, c.qualifier_b, c.period_a, c.period_b, c.finding || ': ' || c.detail
  FROM series_checks AS c JOIN scopes AS s ON s.key = c.scope_b
)
SELECT CAST(topic AS TEXT), CAST(subject AS TEXT), CAST(attribute AS TEXT), CAST(period AS TEXT),
       CAST(ref_a AS TEXT), value_a, CAST(unit_a AS TEXT), CAST(source_a AS TEXT),
       CAST(ref_b AS TEXT), value_b, CAST(unit_b AS TEXT), CAST(source_b AS TEXT),
       CAST(qualifier_a AS TEXT), CAST(qualifier_b AS TEXT), CAST(period_a AS TEXT), CAST(period_b AS TEXT), CAST(detail AS TEXT)
FROM pairs;

-- One row per route: its ends, the foreign end and its country (the destination, or the origin for
-- inbound lines), brand, type and mode, when it opened and how many runs and events the sources
-- describe. `opened` is the earliest first run or opening stated (the one whose period ends first;
-- of two ending together, the more precise), at the precision its source stated.
CREATE VIEW routes_overview(
  -- Route id (a row of `routes`).
  id,
  -- Name of the line as the sources give it.
  name,
  -- Brand the line runs under, when stated (e.g. 'Qilu', 'SCO Express'); NULL if none.
  brand,
  -- Line type, e.g. 'China-Europe', 'Central Asia'; NULL when the sources do not say.
  line_type,
  -- Mode: 'rail', 'sea-rail' or 'road'.
  mode,
  -- Direction seen from the zone: 'outbound', 'inbound' or 'two-way'.
  direction,
  -- Name of the place the line starts from.
  origin,
  -- Name of the place the line ends at; NULL when no source names one.
  destination,
  -- Border crossing where the line leaves or enters China, when stated.
  border,
  -- The line's end abroad: the destination, or the origin of an inbound line.
  foreign_end,
  -- Country of the foreign end (ISO 3166-1 alpha-2); NULL for a region or an unnamed end.
  country_code,
  -- Name of that country.
  country,
  -- When the line opened, at the precision stated ('2020', '2022-H1', '2021-07-05'); NULL when no
  -- source dates a first run or opening.
  opened,
  -- Number of runs and events of the line the sources describe (rows of `route_runs`).
  events,
  -- Fact id of the first statement about the line.
  ref,
  -- Source of that statement.
  source_id,
  -- Period `opened` comes from (a row of `periods`).
  opened_period,
  -- Fact id of the statement `opened` comes from.
  opened_ref
) AS
WITH first_event AS (
  SELECT r.id AS route_id,
         (SELECT rr.id FROM route_runs AS rr JOIN periods AS p ON p.id = rr.period
           WHERE rr.route_id = r.id AND rr.event IN ('first run', 'opened') AND p.end_date IS NOT NULL
           ORDER BY p.end_date, p.start_date DESC, rr.id LIMIT 1) AS run_id
  FROM routes AS r
)
SELECT r.id, r.name, r.brand, r.line_type, r.mode, r.direction,
       o.name, d.name, b.name, f.name, f.country_code, c.name,
       op.iso,
       CAST((SELECT count(*) FROM route_runs AS rr WHERE rr.route_id = r.id) AS INTEGER),
       r.ref, r.source_id, fr.period, fr.ref
FROM routes AS r
JOIN first_event AS fi ON fi.route_id = r.id
LEFT JOIN route_runs AS fr ON fr.id = fi.run_id
LEFT JOIN periods AS op ON op.id = fr.period
JOIN places AS o ON o.id = r.origin_id
LEFT JOIN places AS d ON d.id = r.destination_id
LEFT JOIN places AS b ON b.id = r.border_id
LEFT JOIN places AS f ON f.id = CASE WHEN r.direction = 'inbound' THEN r.origin_id ELSE r.destination_id END
LEFT JOIN countries AS c ON c.code = f.country_code;

-- Routes grouped by the country at their foreign end (ISO code; NULL for a region or an unnamed end)
-- and by the year they opened (NULL when no source dates the opening), with the route names. The
-- unit of counting is the route: each route is counted once.
CREATE VIEW routes_by_country(
  -- Country of the foreign end (ISO 3166-1 alpha-2); NULL for a region or an unnamed end.
  country_code,
  -- Name of the country, or of the region or end when there is no country; '(not stated)' when no end is named.
  country,
  -- Year the routes opened (routes_overview.opened); NULL when no source dates the opening.
  year_opened,
  -- Number of routes in the group (each route once).
  routes,
  -- Names of the routes, in order of opening.
  route_names
) AS
SELECT country_code, CAST(COALESCE(country, foreign_end, '(not stated)') AS TEXT),
       CAST(substr(opened, 1, 4) AS TEXT), CAST(count(*) AS INTEGER), CAST(group_concat(name, '; ') AS TEXT)
FROM (SELECT * FROM routes_overview ORDER BY opened, name)
GROUP BY country_code, CASE WHEN country_code IS NULL THEN foreign_end END, substr(opened, 1, 4)
ORDER BY country_code IS NULL, country_code, 3;

-- Trade and two-way investment with SCO countries over time, for the zone and for Qingdao as context:
-- one row per stated figure (scope, metric, period, value), however many sources state it, so a sum
-- over a scope, metric and year counts each figure once. The source's own conversions into another
-- currency are not rows of their own (see `conversion`). Targets and averages are their own metrics.
-- Series (scope, then metric) come first; read `value` with `qualifier`.
CREATE VIEW sco_trade(
  -- Body the figure is counted for: 'zone' or 'qingdao' (a row of `scopes`). Different scopes are different series.
  scope,
  -- Metric key: 'trade_sco', 'trade_sco_avg_growth', 'trade_sco_target', 'investment_sco_two_way',
  -- 'investment_sco_two_way_target', 'trade_share_of_city' or 'trade_share_of_province_sco'.
  metric,
  -- Label of the metric (metrics.label).
  label,
  -- Period as stated (a row of `periods`).
  period,
  -- First day the period can include (a bound, not a stated date).
  period_start,
  -- Last day the period can include (a bound, not a stated date).
  period_end,
  -- 'more than', 'less than', 'nearly' or 'about' when the figure is qualified; NULL when exact.
  qualifier,
  -- The figure as stated by the first source (`refs` lists every source that states it).
  value,
  -- Unit of `value`.
  unit,
  -- The figure in base units.
  value_base,
  -- Base unit of value_base: 'CNY', 'USD' or 'percent'.
  unit_base,
  -- The source's own conversion into another currency, as stated (e.g. '2.94 billion USD'); NULL if none.
  conversion,
  -- Fact ids of every statement of the figure, e.g. 'F014; F169; F170'.
  refs,
  -- Sources of those statements, in the same order.
  sources,
  -- 1 for targets (plans); 0 for figures that report what happened.
  is_plan
) AS
WITH f AS (
  SELECT * FROM facts_detail
  WHERE metric IN ('trade_sco', 'trade_sco_avg_growth', 'trade_sco_target', 'investment_sco_two_way',
                   'investment_sco_two_way_target', 'trade_share_of_city', 'trade_share_of_province_sco')
  ORDER BY ref, from_id
),
g AS (
  SELECT scope, metric, period, qualifier, unit_base, value_base, min(ref) AS first_ref,
         group_concat(ref, '; ') AS refs, group_concat(source_id, '; ') AS sources, max(is_plan) AS is_plan
  FROM f WHERE is_conversion = 0
  GROUP BY scope, metric, period, qualifier, unit_base, value_base
)
SELECT g.scope, g.metric, m.label, g.period, p.start_date, p.end_date, g.qualifier,
       CAST((SELECT f1.value FROM f AS f1 WHERE f1.ref = g.first_ref AND f1.metric = g.metric AND f1.period = g.period
              AND f1.is_conversion = 0 AND f1.value_base = g.value_base LIMIT 1) AS NUMERIC),
       CAST((SELECT f1.unit FROM f AS f1 WHERE f1.ref = g.first_ref AND f1.metric = g.metric AND f1.period = g.period
              AND f1.is_conversion = 0 AND f1.value_base = g.value_base LIMIT 1) AS TEXT),
       g.value_base, g.unit_base,
       CAST((SELECT group_concat(COALESCE(c.qualifier || ' ', '') || c.value || ' ' || c.unit, '; ') FROM f AS c
              WHERE c.is_conversion = 1 AND c.metric = g.metric AND c.period = g.period AND c.scope = g.scope
                AND instr('; ' || g.refs || '; ', '; ' || c.ref || '; ') > 0) AS TEXT),
       CAST(g.refs AS TEXT), CAST(g.sources AS TEXT), CAST(g.is_plan AS INTEGER)
FROM g
JOIN metrics AS m ON m.key = g.metric
JOIN periods AS p ON p.id = g.period
ORDER BY g.scope DESC, g.metric, p.end_date, p.start_date, g.first_ref;

-- Stated investment of the zone's projects by status, year and investor country, in whole yuan and
-- dollars (CNY and USD kept apart). The unit of counting is the project: each project (project_key)
-- is counted once, in the row of its first statement (status, year and amount as that source states
-- them; later statements, which may differ, are counted in `restated` and shown by `conflicts`).
-- Only projects sited in the zone (projects.in_zone = 1) are counted. Signed, started, introduced and
-- scheduled projects are separate rows: do not add them up as one kind of investment.
CREATE VIEW investment_by_year_country(
  -- Status of the projects at their first statement: 'introduced', 'signed', 'started', 'resumed',
  -- 'in progress' or 'scheduled'. Different statuses are different series.
  status,
  -- Year of the first statement's period.
  year,
  -- Investor's country (ISO 3166-1 alpha-2); NULL when no source makes it clear.
  country_code,
  -- Name of that country.
  country,
  -- Number of projects (each project counted once in the whole view).
  projects,
  -- Number of those projects whose first statement gives an amount.
  with_amount,
  -- Sum of the stated amounts in yuan (projects stated in yuan); NULL when none.
  amount_cny,
  -- Sum of the stated amounts in US dollars (projects stated in dollars); NULL when none.
  amount_usd,
  -- Qualifiers of the amounts summed ('more than', 'less than', 'nearly', 'about'), if any: a sum
  -- of qualified amounts is itself only approximate. NULL when every amount is exact.
  amount_qualifiers,
  -- Number of those projects that later sources state again (possibly with another amount or status).
  restated,
  -- Names of the projects, as first stated.
  project_names
) AS
WITH ranked AS (
  SELECT pr.*, p.start_date, p.end_date,
         row_number() OVER (PARTITION BY pr.project_key ORDER BY COALESCE(p.start_date, p.end_date), pr.id) AS nth,
         count(*) OVER (PARTITION BY pr.project_key) AS statements
  FROM projects AS pr JOIN periods AS p ON p.id = pr.period
  WHERE pr.in_zone = 1
),
per_project AS (
  SELECT r.status, substr(COALESCE(r.start_date, r.end_date), 1, 4) AS year, r.investor_country, r.name,
         CASE WHEN u.base = 'CNY' THEN CAST(printf('%.15g', r.amount * u.factor) AS NUMERIC) END AS cny,
         CASE WHEN u.base = 'USD' THEN CAST(printf('%.15g', r.amount * u.factor) AS NUMERIC) END AS usd,
         r.amount_qualifier, r.statements
  FROM ranked AS r LEFT JOIN units AS u ON u.code = r.amount_unit
  WHERE r.nth = 1
  ORDER BY r.id
)
SELECT CAST(pp.status AS TEXT), CAST(pp.year AS TEXT), CAST(pp.investor_country AS TEXT), c.name,
       CAST(count(*) AS INTEGER), CAST(count(pp.cny) + count(pp.usd) AS INTEGER),
       CAST(sum(pp.cny) AS INTEGER), CAST(sum(pp.usd) AS INTEGER),
       CAST(group_concat(DISTINCT pp.amount_qualifier) AS TEXT),
       CAST(sum(pp.statements > 1) AS INTEGER), CAST(group_concat(pp.name, '; ') AS TEXT)
FROM per_project AS pp
LEFT JOIN countries AS c ON c.code = pp.investor_country
GROUP BY pp.status, pp.year, pp.investor_country
ORDER BY 1, 2, pp.investor_country IS NULL, 3;

-- The zone's freight train counts (the zone and its multimodal centre, whose counts are the zone's),
-- one series per counting basis, kind of count (per period, cumulative, or period not stated) and
-- route: `series` says which, and rows of different series must not be compared or added. Counts
-- for a facility outside the zone or for the province-wide Qilu brand are not here (see `facts`).
-- Undated counts come last.
CREATE VIEW train_counts(
  -- The series the count belongs to: basis, kind of count and route, e.g. 'arrivals plus
  -- departures, per period'. Compare counts only within one series.
  series,
  -- Counting basis (a row of `bases`): 'operated' (direction not stated), 'departures' or 'arrivals_departures'.
  basis,
  -- Body the count is stated for: 'zone' or 'multimodal_centre' (one series scope).
  scope,
  -- Route the count is about; NULL for counts of all the zone's trains.
  route_id,
  -- Period as stated (a row of `periods`).
  period,
  -- Shape of the period (periods.kind); 'span' is a cumulative count.
  period_kind,
  -- First day the period can include (a bound, not a stated date); NULL when no start is stated.
  period_start,
  -- Last day the period can include (a bound, not a stated date); NULL when undated.
  period_end,
  -- 'more than', 'less than', 'nearly' or 'about' when the count is qualified; NULL when exact.
  qualifier,
  -- The count as stated.
  value,
  -- Unit as stated: 'trains' or 'trips'.
  unit,
  -- The source's own name for the trains, e.g. 'China-Europe trains arrived and departed (到发)'.
  wording,
  -- Fact id of the statement.
  ref,
  -- Source of the statement.
  source_id,
  -- Why the scope or basis was chosen, or what is vague, in a few words of our own; NULL if nothing.
  note
) AS
SELECT CAST(b.label || ', ' || CASE f.period_kind WHEN 'span' THEN 'cumulative' WHEN 'undated' THEN 'period not stated' ELSE 'per period' END
            || COALESCE(', route: ' || r.name, '') AS TEXT),
       f.basis, f.scope, f.route_id, f.period, f.period_kind, f.period_start, f.period_end, f.qualifier,
       CAST(f.value AS NUMERIC), f.unit, f.wording, f.ref, f.source_id, f.note
FROM facts_detail AS f
JOIN bases AS b ON b.key = f.basis
LEFT JOIN routes AS r ON r.id = f.route_id
WHERE f.metric = 'freight_trains' AND f.series_scope = 'zone'
ORDER BY f.period_kind = 'undated', 1, f.period_end, f.period_start, f.source_id;

-- Where every fact id of the research notes went: the table and number of rows that cite it,
-- or 'omitted' with the reason.
CREATE VIEW refs(
  -- Fact id in the research notes, e.g. 'F088'.
  ref,
  -- Table whose rows cite it, or 'omitted'.
  from_table,
  -- Number of rows of that table that cite it (1 for 'omitted').
  "rows",
  -- Why the fact is not modelled (omitted.reason); NULL for seeded facts.
  reason
) AS
SELECT CAST(ref AS TEXT), CAST(from_table AS TEXT), CAST(n AS INTEGER), CAST(reason AS TEXT) FROM (
  SELECT ref, from_table, count(*) AS n, NULL AS reason FROM (
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
)
ORDER BY 1, 2;

-- scoql dataset schema, part 7: the metric catalogue and the stated observations.

-- Metric catalogue: what each metric key means and which dimension its values have.
-- Figures of routes, projects, batches, milestones, corridors and overseas hubs appear in the
-- view `facts` under the keys marked there (run_*, line_ordinal, project_*, batch_*,
-- milestone_date, corridor_partners, overseas_hub).
CREATE TABLE metrics (
  -- Short stable key, e.g. 'freight_trains', 'trade_total', 'freight_trains_yoy'.
  key TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
  -- Short English label, e.g. 'Freight trains (China-Europe / Eurasian)'.
  label TEXT NOT NULL,
  -- Dimension of the values: 'money' (CNY or USD), 'count', 'percent', 'days', 'km', 'TEU', 't'
  -- (tonnes), 'm2' (area), 'date' (a date or period in ISO form, as precise as stated) or 'text'
  -- (a word, such as a project's status, or a list of names).
  dimension TEXT NOT NULL CHECK (dimension IN ('money', 'count', 'percent', 'days', 'km', 'TEU', 't', 'm2', 'date', 'text')),
  -- Kind: 'flow' (counted over a period), 'stock' (counted at a time), 'growth' (year-on-year change,
  -- percent), 'average growth' (average annual change, percent), 'share' (percent of a whole),
  -- 'target' (a goal, not an outcome), 'capacity', 'event' (a date) or 'list'.
  kind TEXT NOT NULL CHECK (kind IN ('flow', 'stock', 'growth', 'average growth', 'share', 'target', 'capacity', 'event', 'list')),
  -- For growth metrics: the metric whose change is stated (a row of `metrics`); NULL otherwise.
  growth_of TEXT REFERENCES metrics(key),
  -- What the metric counts, the wording sources use for it, and what to beware of.
  meaning TEXT NOT NULL,
  -- For a metric that counts additions to a stock (e.g. lines opened): the stock metric (a row of
  -- `metrics`), so a stated total and a stated addition imply the stock before; NULL otherwise.
  increment_of TEXT REFERENCES metrics(key),
  CHECK ((kind IN ('growth', 'average growth')) = (growth_of IS NOT NULL)),
  CHECK (kind NOT IN ('growth', 'average growth', 'share') OR dimension = 'percent')
) STRICT;

-- Observations: every stated figure about the zone's metrics, as the source states it, with
-- its unit, qualifier ('more than', 'nearly', 'about'), counting basis, scope and period.
-- Normalised values are in the view `facts` (value_base, unit_base), never stored.
CREATE TABLE observations (
  -- Row id, in the order the rows are seeded.
  id INTEGER PRIMARY KEY,
  -- Metric (a row of `metrics`).
  metric TEXT NOT NULL REFERENCES metrics(key),
  -- Scope the figure is counted for, as the source states it (a row of `scopes`).
  scope TEXT NOT NULL REFERENCES scopes(key),
  -- Counting basis (a row of `bases`), e.g. 'arrivals_departures'.
  basis TEXT NOT NULL REFERENCES bases(key),
  -- Period (a row of `periods`), e.g. '2021', '2022 H1', 'as of 2022-02'.
  period TEXT NOT NULL REFERENCES periods(id),
  -- Value as stated (integer or real), in `unit`: 26.5 for '26.5 billion yuan', 41.2 for '41.2亿元'.
  value ANY NOT NULL CHECK (typeof(value) IN ('integer', 'real')),
  -- Unit as stated (a row of `units`), e.g. 'billion CNY', '100 million CNY', 'trains', '%'.
  unit TEXT NOT NULL REFERENCES units(code),
  -- 'more than' (more than, over, exceeding, 超, 余), 'less than', 'nearly' (nearly, just under, 近, 弱)
  -- or 'about' (about, some, 约); NULL when the figure is stated exactly.
  qualifier TEXT CHECK (qualifier IN ('more than', 'less than', 'nearly', 'about')),
  -- 1 when the figure is the source's own conversion of another figure in the same statement
  -- (e.g. '$4.19 billion' after '26.5 billion yuan'); 0 otherwise.
  equivalent INTEGER NOT NULL DEFAULT 0 CHECK (equivalent IN (0, 1)),
  -- 1 when the figure is a plan, target, schedule or expectation, or is stated for an event still
  -- under way: its period may end after the source's date (e.g. an expo's expected exhibitors, a
  -- target for 2022); 0 when it reports what happened. Targets (metrics of kind 'target') are 1.
  is_plan INTEGER NOT NULL DEFAULT 0 CHECK (is_plan IN (0, 1)),
  -- Route the figure is about (a row of `routes`), for per-line figures; NULL otherwise.
  route_id TEXT REFERENCES routes(id),
  -- Project the figure is about (a row of `projects`), for per-project figures; NULL otherwise.
  project_id TEXT REFERENCES projects(id),
  -- The source's own name for what it counts when it differs from the metric's label,
  -- e.g. 'Eurasian trains', 'China-Europe (Qilu) trains'; NULL otherwise.
  wording TEXT,
  -- What is vague about the figure, in a few words of our own; NULL if nothing.
  note TEXT,
  -- Fact id in the research notes, e.g. 'F005' (see the view `citations`). One fact can give several observations.
  ref TEXT NOT NULL CHECK (ref GLOB 'F[0-9][0-9][0-9]'),
  -- Source of the statement.
  source_id TEXT NOT NULL REFERENCES sources(id)
) STRICT;

CREATE INDEX observations_series ON observations(metric, basis, scope, period);
CREATE INDEX observations_period ON observations(period);
CREATE INDEX observations_ref ON observations(ref);
CREATE INDEX observations_source ON observations(source_id);

-- Refuses a target (a metric of kind 'target') not marked as a plan.
CREATE TRIGGER observations_targets_are_plans
BEFORE INSERT ON observations
WHEN NEW.is_plan = 0 AND (SELECT m.kind FROM metrics AS m WHERE m.key = NEW.metric) = 'target'
BEGIN
  SELECT RAISE(ABORT, 'a target must be marked is_plan = 1');
END;

-- Refuses an observation whose unit does not measure what its metric measures
-- (e.g. a money metric stated in 'trains').
CREATE TRIGGER observations_unit_matches_metric
BEFORE INSERT ON observations
WHEN (SELECT m.dimension FROM metrics AS m WHERE m.key = NEW.metric)
  IS NOT (SELECT CASE WHEN u.base IN ('CNY', 'USD') THEN 'money' ELSE u.base END FROM units AS u WHERE u.code = NEW.unit)
BEGIN
  SELECT RAISE(ABORT, 'observation unit does not match the metric''s dimension');
END;

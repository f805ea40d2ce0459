-- scoql dataset schema, part 5: international freight routes and their runs.

-- Routes: named freight lines and services from or to the zone (rail, sea-rail, road), one row
-- per line as the sources describe it. When and how often they ran is in `route_runs`.
CREATE TABLE routes (
  -- Short stable id, e.g. 'scoda-dushanbe'.
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  -- Name of the line as the sources give it, or 'origin - destination' when they give none.
  name TEXT NOT NULL,
  -- Brand the line runs under, when stated: 'Qilu' (齐鲁号, Shandong's China-Europe train brand),
  -- 'SCO Express' (上合快线), 'Qingdao' (青岛号), 'CR Express', 'TIR'; NULL if none is stated.
  brand TEXT,
  -- Line type: 'China-Europe', 'Central Asia', 'China-Russia', 'China-Mongolia', 'China-Korea',
  -- 'Japan-Korea land-sea', 'ASEAN', 'Trans-Caspian' or 'road'; NULL when the sources do not say.
  line_type TEXT CHECK (line_type IN ('China-Europe', 'Central Asia', 'China-Russia', 'China-Mongolia', 'China-Korea', 'Japan-Korea land-sea', 'ASEAN', 'Trans-Caspian', 'road')),
  -- Mode of transport: 'rail', 'sea-rail' (ship to Qingdao, then train) or 'road' (trucks).
  mode TEXT NOT NULL CHECK (mode IN ('rail', 'sea-rail', 'road')),
  -- Direction seen from the zone: 'outbound', 'inbound' (return trains to the zone) or 'two-way'.
  direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound', 'two-way')),
  -- Where the line starts (a row of `places`).
  origin_id TEXT NOT NULL REFERENCES places(id),
  -- Where the line ends (a row of `places`; a country or region when the source names no city;
  -- NULL when no source names a destination).
  destination_id TEXT REFERENCES places(id),
  -- Border crossing where the line leaves or enters China, when stated (a row of `places`).
  border_id TEXT REFERENCES places(id),
  -- Countries or places the line passes through, as stated, e.g. 'Kazakhstan; Azerbaijan; Georgia'.
  via TEXT,
  -- Operator of the line, when a source names one.
  operator TEXT,
  -- What is vague about the line or how it relates to other rows, in a few words of our own.
  note TEXT,
  -- Fact id in the research notes of the first statement about this line (see the view `citations`).
  ref TEXT NOT NULL CHECK (ref GLOB 'F[0-9][0-9][0-9]'),
  -- Source of `ref`.
  source_id TEXT NOT NULL REFERENCES sources(id)
) STRICT;

CREATE INDEX routes_destination ON routes(destination_id);

-- Runs and other dated events of a route: its first run, a particular train, the opening of the line,
-- a planned run, or its being in operation at a date; with the figures the source gives for it
-- (load, cargo and its value, transit time, distance). One row per source statement: the same
-- train described by two sources is two rows.
CREATE TABLE route_runs (
  -- Row id, in the order the rows are seeded.
  id INTEGER PRIMARY KEY,
  -- Route (a row of `routes`).
  route_id TEXT NOT NULL REFERENCES routes(id),
  -- What happened: 'first run' (the line's first train or truck), 'run' (a particular train),
  -- 'opened' (the line opened; often dated to a year only), 'planned' (announced, run not
  -- confirmed: a plan, so its period may end after the report) or 'in operation' (listed as
  -- running at that time).
  event TEXT NOT NULL CHECK (event IN ('first run', 'run', 'opened', 'planned', 'in operation')),
  -- When (a row of `periods`): a day when stated, else a month, half-year or year; a year or month
  -- the source reported before it was over is cut at the report ('2022 (by 2022-11-08)').
  period TEXT NOT NULL REFERENCES periods(id),
  -- Ordinal number the source gives the run or its line, e.g. 800 for 'the 800th train', 8 for
  -- 'the eighth express line'; NULL if none.
  ordinal INTEGER CHECK (ordinal > 0),
  -- What the ordinal numbers: 'trains' (the run is the Nth train of a count) or 'lines' (the
  -- line the run opened is the Nth line of a count); NULL if no ordinal.
  ordinal_counts TEXT CHECK (ordinal_counts IN ('trains', 'lines')),
  -- The count the ordinal belongs to, e.g. 'trains dispatched from the zone since April 2020';
  -- NULL if no ordinal.
  ordinal_of TEXT,
  -- Load in TEU (twenty-foot equivalent units, 'standard containers'), as stated.
  teu ANY CHECK (teu IS NULL OR typeof(teu) IN ('integer', 'real')),
  -- Load in containers when the source counts containers rather than TEU.
  containers INTEGER,
  -- Load in wagons, as stated.
  wagons INTEGER,
  -- Weight of the cargo in tonnes, as stated.
  tonnes ANY CHECK (tonnes IS NULL OR typeof(tonnes) IN ('integer', 'real')),
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies `tonnes`; NULL if stated exactly.
  tonnes_qualifier TEXT CHECK (tonnes_qualifier IN ('more than', 'less than', 'nearly', 'about')),
  -- Cargo carried, in a few words, e.g. 'machinery; construction materials'.
  cargo TEXT,
  -- Value of the cargo, as stated, in `cargo_value_unit`.
  cargo_value ANY CHECK (cargo_value IS NULL OR typeof(cargo_value) IN ('integer', 'real')),
  -- Unit of `cargo_value` (a row of `units`), e.g. 'million USD'.
  cargo_value_unit TEXT REFERENCES units(code),
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies `cargo_value`.
  cargo_value_qualifier TEXT CHECK (cargo_value_qualifier IN ('more than', 'less than', 'nearly', 'about')),
  -- Transit time in days (usually the expected time at departure), as stated.
  transit_days ANY CHECK (transit_days IS NULL OR typeof(transit_days) IN ('integer', 'real')),
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies `transit_days`.
  transit_days_qualifier TEXT CHECK (transit_days_qualifier IN ('more than', 'less than', 'nearly', 'about')),
  -- Distance of the run in km, as stated.
  distance_km ANY CHECK (distance_km IS NULL OR typeof(distance_km) IN ('integer', 'real')),
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies `distance_km`.
  distance_qualifier TEXT CHECK (distance_qualifier IN ('more than', 'less than', 'nearly', 'about')),
  -- What else the source says about the run or what is vague in it, in a few words of our own.
  note TEXT,
  -- Fact id in the research notes, e.g. 'F078' (see the view `citations`).
  ref TEXT NOT NULL CHECK (ref GLOB 'F[0-9][0-9][0-9]'),
  -- Source of the statement.
  source_id TEXT NOT NULL REFERENCES sources(id),
  CHECK ((ordinal IS NULL) = (ordinal_of IS NULL)),
  CHECK ((ordinal IS NULL) = (ordinal_counts IS NULL)),
  CHECK ((cargo_value IS NULL) = (cargo_value_unit IS NULL)),
  CHECK (cargo_value IS NOT NULL OR cargo_value_qualifier IS NULL),
  CHECK (tonnes IS NOT NULL OR tonnes_qualifier IS NULL),
  CHECK (transit_days IS NOT NULL OR transit_days_qualifier IS NULL),
  CHECK (distance_km IS NOT NULL OR distance_qualifier IS NULL)
) STRICT;

CREATE INDEX route_runs_route ON route_runs(route_id);
CREATE INDEX route_runs_period ON route_runs(period);

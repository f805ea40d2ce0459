-- scoql dataset schema, part 6: investment projects and batches of projects.

-- Investment batches: groups of projects signed, started or secured together at one event
-- (a ceremony, a fair, an expo), with the count and total investment the source gives.
CREATE TABLE investment_batches (
  -- Short stable id, e.g. 'B2020-11-20-started'.
  id TEXT PRIMARY KEY CHECK (id GLOB 'B[12][0-9][0-9][0-9]*'),
  -- Short name of the event in our own words, e.g. 'Key projects started at the zone'.
  name TEXT NOT NULL,
  -- Area the projects are in (a row of `scopes`).
  scope TEXT NOT NULL REFERENCES scopes(key),
  -- Date of the event (a row of `periods`).
  period TEXT NOT NULL REFERENCES periods(id),
  -- What happened to the projects: 'signed', 'started' (construction began), 'secured' (won at an
  -- investment fair) or 'settled' (decided to settle in the zone).
  status TEXT NOT NULL CHECK (status IN ('signed', 'started', 'secured', 'settled')),
  -- Number of projects in the batch.
  projects INTEGER NOT NULL CHECK (projects > 0),
  -- Total investment of the batch, as stated, in `amount_unit`.
  amount ANY CHECK (amount IS NULL OR typeof(amount) IN ('integer', 'real')),
  -- Unit of `amount` (a row of `units`), e.g. 'billion CNY' or '100 million CNY' (亿元).
  amount_unit TEXT REFERENCES units(code),
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies `amount`; NULL if stated exactly.
  amount_qualifier TEXT CHECK (amount_qualifier IN ('more than', 'less than', 'nearly', 'about')),
  -- The same total in another currency when the source itself gives it, e.g. 4.7 (billion USD).
  equiv_amount ANY CHECK (equiv_amount IS NULL OR typeof(equiv_amount) IN ('integer', 'real')),
  -- Unit of `equiv_amount`.
  equiv_unit TEXT REFERENCES units(code),
  -- Sectors of the projects, as stated, e.g. 'high-end equipment; modern marine; new energy'.
  sectors TEXT,
  -- Fact id in the research notes (see the view `citations`).
  ref TEXT NOT NULL CHECK (ref GLOB 'F[0-9][0-9][0-9]'),
  -- Source of the statement.
  source_id TEXT NOT NULL REFERENCES sources(id),
  CHECK ((amount IS NULL) = (amount_unit IS NULL)),
  CHECK ((equiv_amount IS NULL) = (equiv_unit IS NULL))
) STRICT;

-- Projects: individual investment projects in (or linked to) the zone, one row per project and
-- source statement. Statements about the same project share `project_key`, so a name or amount
-- that differs between sources shows as two rows (see the view `conflicts`).
CREATE TABLE projects (
  -- Short stable id of the statement, e.g. 'P01'.
  id TEXT PRIMARY KEY CHECK (id GLOB 'P[0-9][0-9]'),
  -- Key shared by all statements about one project, e.g. 'sco-conference-centre'.
  project_key TEXT NOT NULL,
  -- Name of the project as the source gives it (translated when the source is not English).
  name TEXT NOT NULL,
  -- Investor or developer as stated; NULL when not stated.
  investor TEXT,
  -- Investor's country (ISO 3166-1 alpha-2) when the source makes it clear; NULL otherwise.
  investor_country TEXT REFERENCES countries(code),
  -- Sector in a few words, e.g. 'satellite internet', 'infrastructure'.
  sector TEXT,
  -- Total investment, as stated, in `amount_unit`; NULL when the source gives no amount.
  amount ANY CHECK (amount IS NULL OR typeof(amount) IN ('integer', 'real')),
  -- Unit of `amount` (a row of `units`), e.g. 'million USD'.
  amount_unit TEXT REFERENCES units(code),
  -- 'more than', 'less than', 'nearly' or 'about' when the source qualifies `amount`; NULL if stated exactly.
  amount_qualifier TEXT CHECK (amount_qualifier IN ('more than', 'less than', 'nearly', 'about')),
  -- Date of the statement's event (signing, start) or the year the project was introduced (a row
  -- of `periods`); a year or month the source reported before it was over is cut at the report.
  period TEXT NOT NULL REFERENCES periods(id),
  -- Status at that date: 'introduced', 'signed', 'started', 'resumed', 'in progress' or 'scheduled'
  -- (a plan: the step is due at that date, which may be after the report).
  status TEXT NOT NULL CHECK (status IN ('introduced', 'signed', 'started', 'resumed', 'in progress', 'scheduled')),
  -- 1 when the project is sited in the zone; 0 when it is elsewhere and only linked to the zone by
  -- the source (e.g. the Gwadar refinery in Pakistan). Zone totals count only projects with 1.
  in_zone INTEGER NOT NULL DEFAULT 1 CHECK (in_zone IN (0, 1)),
  -- Batch the project was signed or started in, when the source says so (a row of `investment_batches`).
  batch_id TEXT REFERENCES investment_batches(id),
  -- What is vague or disputed about the statement, in a few words of our own.
  note TEXT,
  -- Fact id in the research notes (see the view `citations`).
  ref TEXT NOT NULL CHECK (ref GLOB 'F[0-9][0-9][0-9]'),
  -- Source of the statement.
  source_id TEXT NOT NULL REFERENCES sources(id),
  CHECK ((amount IS NULL) = (amount_unit IS NULL)),
  CHECK (amount IS NOT NULL OR amount_qualifier IS NULL)
) STRICT;

CREATE INDEX projects_key ON projects(project_key);
CREATE INDEX projects_period ON projects(period);

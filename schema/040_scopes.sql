-- scoql dataset schema, part 4: what a figure counts (its scope) and how (its counting basis).

-- Scopes: the body or area a figure is counted for, as the source states it: the whole zone,
-- a part of it (its multimodal transport centre, core area), a platform or institution in it,
-- the province-wide 'Qilu' train brand, or Qingdao, Jiaozhou or Shandong as context.
CREATE TABLE scopes (
  -- Short stable key, e.g. 'zone', 'multimodal_centre', 'qilu_brand', 'qingdao'.
  key TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
  -- English name, e.g. 'SCO demonstration zone (SCODA)'.
  name TEXT NOT NULL,
  -- Kind of body: 'zone', 'zone part', 'facility', 'platform', 'institution', 'event series',
  -- 'brand', 'city', 'province', 'port' or 'airport'.
  kind TEXT NOT NULL CHECK (kind IN ('zone', 'zone part', 'facility', 'platform', 'institution', 'event series', 'brand', 'city', 'province', 'port', 'airport')),
  -- Scope whose series this scope's figures join when growth and conflicts are computed: itself,
  -- except the multimodal transport centre, whose train and line counts are the zone's (it is the
  -- zone's rail terminal, and the sources use the two names for the same counts).
  series_scope TEXT NOT NULL REFERENCES scopes(key),
  -- What the scope covers, in a sentence of our own.
  description TEXT NOT NULL,
  -- Fact id in the research notes that names this body, for bodies known from one source; NULL for the zone and its parts.
  ref TEXT CHECK (ref IS NULL OR ref GLOB 'F[0-9][0-9][0-9]'),
  -- Source of `ref`; NULL when `ref` is NULL.
  source_id TEXT REFERENCES sources(id),
  CHECK ((ref IS NULL) = (source_id IS NULL))
) STRICT;

-- Counting bases: how a figure counts what it counts. Two figures on different bases are
-- different series (e.g. 17 international routes and 27 international plus domestic routes
-- in the same month are both right).
CREATE TABLE bases (
  -- Short stable key, e.g. 'arrivals_departures'.
  key TEXT PRIMARY KEY,
  -- Short English label, e.g. 'arrivals plus departures'.
  label TEXT NOT NULL,
  -- What is counted on this basis and the wording sources use for it.
  description TEXT NOT NULL
) STRICT;

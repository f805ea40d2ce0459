-- scoql dataset schema, part 2: countries and places, so routes can be grouped by country.

-- Countries that appear in the dataset, keyed by ISO 3166-1 alpha-2 code.
CREATE TABLE countries (
  -- ISO 3166-1 alpha-2 code, e.g. 'KZ'.
  code TEXT PRIMARY KEY CHECK (length(code) = 2 AND code GLOB '[A-Z][A-Z]'),
  -- English short name, e.g. 'Kazakhstan'.
  name TEXT NOT NULL UNIQUE
) STRICT;

-- Named places: cities, stations and terminals, border crossings, ports, and also whole
-- countries or regions when a source names only those as a route's end.
CREATE TABLE places (
  -- Short stable id in lower case, e.g. 'almaty', 'alashankou', 'scoda-mmc'.
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  -- English name as commonly written, e.g. 'Almaty'.
  name TEXT NOT NULL,
  -- What the place is: 'city', 'province', 'terminal' (station, logistics centre), 'border crossing',
  -- 'port', 'zone' (an economic zone or park), 'country' or 'region' (a group of countries).
  kind TEXT NOT NULL CHECK (kind IN ('city', 'province', 'terminal', 'border crossing', 'port', 'zone', 'country', 'region')),
  -- Country the place is in (ISO 3166-1 alpha-2); NULL only for regions.
  country_code TEXT REFERENCES countries(code),
  CHECK ((kind = 'region') = (country_code IS NULL))
) STRICT;

CREATE INDEX places_country ON places(country_code);

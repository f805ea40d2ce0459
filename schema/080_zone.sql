-- scoql dataset schema, part 8: the zone's corridors, overseas hubs and milestones.

-- Corridors: the directions of the zone's international logistics corridors (the Belt and Road
-- corridor's east, west, south and north) and its road (TIR) channels. Partners are in `corridor_partners`.
CREATE TABLE corridors (
  -- Short stable id, e.g. 'bri-east'.
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  -- Name of the corridor as stated, e.g. 'Belt and Road international logistics corridor'.
  name TEXT NOT NULL,
  -- Direction from the zone: 'east', 'west', 'south' or 'north'; NULL when the corridor has none.
  direction TEXT CHECK (direction IN ('east', 'west', 'south', 'north')),
  -- Mode: 'multimodal' (rail, sea and road together) or 'road' (TIR trucks).
  mode TEXT NOT NULL CHECK (mode IN ('multimodal', 'road')),
  -- Since when the corridor is stated (a row of `periods`), e.g. 'as of 2022-02'.
  period TEXT NOT NULL REFERENCES periods(id),
  -- Fact id in the research notes (see the view `citations`).
  ref TEXT NOT NULL CHECK (ref GLOB 'F[0-9][0-9][0-9]'),
  -- Source of the statement.
  source_id TEXT NOT NULL REFERENCES sources(id),
  UNIQUE (name, direction)
) STRICT;

-- Partners a corridor connects the zone with: countries, or regions such as 'Central Asia'.
CREATE TABLE corridor_partners (
  -- Corridor (a row of `corridors`).
  corridor_id TEXT NOT NULL REFERENCES corridors(id),
  -- Partner country or region (a row of `places` of kind 'country' or 'region').
  place_id TEXT NOT NULL REFERENCES places(id),
  -- Position of the partner in the source's list, from 1.
  position INTEGER NOT NULL CHECK (position > 0),
  PRIMARY KEY (corridor_id, place_id),
  UNIQUE (corridor_id, position)
) STRICT;

-- Overseas hubs of the zone's trains: assembly and consolidation centres and warehouses abroad.
CREATE TABLE overseas_hubs (
  -- Row id, in the order the rows are seeded.
  id INTEGER PRIMARY KEY,
  -- City or country of the hub (a row of `places`).
  place_id TEXT NOT NULL REFERENCES places(id),
  -- Kind of hub: 'assembly centre', 'consolidation centre' or 'warehouse'.
  kind TEXT NOT NULL CHECK (kind IN ('assembly centre', 'consolidation centre', 'warehouse')),
  -- Train service the hub serves, as stated, e.g. 'Qilu China-Europe trains'.
  service TEXT NOT NULL,
  -- Since when the hub is stated (a row of `periods`).
  period TEXT NOT NULL REFERENCES periods(id),
  -- Fact id in the research notes (see the view `citations`).
  ref TEXT NOT NULL CHECK (ref GLOB 'F[0-9][0-9][0-9]'),
  -- Source of the statement.
  source_id TEXT NOT NULL REFERENCES sources(id)
) STRICT;

-- Milestones: dated events in the life of the zone and its platforms, institutions and expos
-- (announcement, plans, openings, launches). One row per source statement; statements of the
-- same event share `event_key`, so a date that differs between sources shows as two rows.
CREATE TABLE milestones (
  -- Row id, in the order the rows are seeded.
  id INTEGER PRIMARY KEY,
  -- Key shared by all statements of one event, e.g. 'institute-inauguration'.
  event_key TEXT NOT NULL CHECK (event_key GLOB '[a-z]*' AND event_key NOT GLOB '*[^a-z0-9-]*'),
  -- What happened, in a few words of our own, e.g. 'Overall plan approved by the State Council'.
  what TEXT NOT NULL,
  -- Body the event concerns (a row of `scopes`).
  scope TEXT NOT NULL REFERENCES scopes(key),
  -- When (a row of `periods`): a day, a run of days, a month or a year, as precise as the source;
  -- a year the source reported before it was over is cut at the report ('2024 (by 2024-10-10)').
  period TEXT NOT NULL REFERENCES periods(id),
  -- 1 when the date is a schedule or announcement stated before the event (e.g. an expo's dates
  -- announced in advance), so its period may end after the source's date; 0 when it reports the event.
  is_plan INTEGER NOT NULL DEFAULT 0 CHECK (is_plan IN (0, 1)),
  -- What is vague about the date, in a few words; NULL if nothing.
  note TEXT,
  -- Fact id in the research notes (see the view `citations`).
  ref TEXT NOT NULL CHECK (ref GLOB 'F[0-9][0-9][0-9]'),
  -- Source of the statement.
  source_id TEXT NOT NULL REFERENCES sources(id)
) STRICT;

CREATE INDEX milestones_period ON milestones(period);
CREATE INDEX milestones_event ON milestones(event_key);

-- Facts of the dataset's research notes deliberately not modelled, with why. Every fact id of
-- the notes is either a `ref` somewhere in the dataset (and a row of `facts`) or a row here.
CREATE TABLE omitted (
  -- Fact id in the research notes, e.g. 'F242'.
  ref TEXT PRIMARY KEY CHECK (ref GLOB 'F[0-9][0-9][0-9]'),
  -- Why the fact is not modelled, in a sentence.
  reason TEXT NOT NULL
) STRICT;

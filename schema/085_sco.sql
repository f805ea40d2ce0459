-- scoql dataset schema, part 8b: the Shanghai Cooperation Organisation itself.

-- The SCO's member states, observer states and dialogue partners, with the year each status
-- began (and ended, when the country moved on to another status), so that "trade with SCO
-- members" in a given year needs no hand-typed list. One row per country and status, each with a
-- public source that states it (news reports and official pages; these sources are not part of
-- the research notes, so the rows carry no `ref`). A status or year no source was found for is
-- left out. At the 2025 Tianjin summit the status of observers changed and observers and dialogue
-- partners were counted together as the organisation's partners (S106); rows keep the status
-- each country was granted.
CREATE TABLE sco_membership (
  -- Country (ISO 3166-1 alpha-2, a row of `countries`), e.g. 'IR'.
  country_code TEXT NOT NULL REFERENCES countries(code),
  -- Status: 'member' (member state), 'observer' (observer state) or 'dialogue partner'.
  status TEXT NOT NULL CHECK (status IN ('member', 'observer', 'dialogue partner')),
  -- Year the status began, as the source states it: the year of the summit decision or of the
  -- signing it reports (for dialogue partners the memorandum was sometimes signed a year later).
  since INTEGER NOT NULL CHECK (since BETWEEN 2001 AND 2100),
  -- Year the status ended because the country moved on to another (e.g. Iran's observer status
  -- in 2023, when it became a member); NULL while the country holds it, as far as the sources say.
  until INTEGER CHECK (until IS NULL OR until >= since),
  -- Source that states the status and its year (a row of `sources`).
  source_id TEXT NOT NULL REFERENCES sources(id),
  -- What the source says beside the year, or where sources differ, in a few words; NULL if nothing.
  note TEXT,
  PRIMARY KEY (country_code, status)
) STRICT;

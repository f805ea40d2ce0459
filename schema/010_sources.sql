-- scoql dataset schema, part 1: where the figures come from.
-- Every sourced row in this database carries `source_id` (a row of `sources`) and, when it comes
-- from the dataset's research notes, `ref`: the fact's id there, e.g. 'F088'. The view
-- `citations` gives the outlet, title, date and address of every ref.

-- Publications that state the figures in this dataset: news reports, the zone's official
-- site, press releases and reprints. One row per article or page as it was read.
CREATE TABLE sources (
  -- Short stable id, e.g. 'S01' (S01 is the founding article, China Daily, 2022-02-23); 'S' and
  -- two or three digits.
  id TEXT PRIMARY KEY CHECK (id GLOB 'S[0-9][0-9]' OR id GLOB 'S[0-9][0-9][0-9]'),
  -- Title as published, in its own language; NULL when the page shows none (see `note`).
  title TEXT,
  -- Outlet where the text was read (site, paper or wire), e.g. 'chinadaily.com.cn', 'PR Newswire'.
  outlet TEXT NOT NULL,
  -- Outlet that first published a reprinted or syndicated text, e.g. 'Xinhua'; NULL for originals.
  original_outlet TEXT,
  -- Publication date as ISO text, as precise as known: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; NULL when undated.
  published TEXT CHECK (published IS NULL
    OR (published GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(published) = published)
    OR published GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
    OR published GLOB '[12][0-9][0-9][0-9]'),
  -- Web address where the text was read (http/https); NULL when no address is known.
  url TEXT CHECK (url IS NULL OR url GLOB 'http*://*'),
  -- A second address of the same text (a mirror), if any.
  mirror_url TEXT CHECK (mirror_url IS NULL OR mirror_url GLOB 'http*://*'),
  -- Language of the text read, ISO 639-1: 'en', 'zh', 'de', 'ru' or 'ja'.
  language TEXT NOT NULL CHECK (language IN ('en', 'zh', 'de', 'ru', 'ja')),
  -- Kind of publication: 'news', 'official site' (the zone's or a government's own site),
  -- 'press release' (paid wire: PR Newswire, Business Wire, GlobeNewswire, OTS) or 'reprint'
  -- (a copy on a third-party site).
  kind TEXT NOT NULL CHECK (kind IN ('news', 'official site', 'press release', 'reprint')),
  -- What is uncertain about the date or the title, in a few words; NULL when nothing is.
  note TEXT
) STRICT;

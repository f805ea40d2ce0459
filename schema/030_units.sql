-- scoql dataset schema, part 3: units and periods, the two shapes every figure is stated in.

-- Units figures are stated in, each with the base unit it normalises to:
-- value_base = value * factor. Base units: CNY, USD, count, percent, days, km, TEU, t, m2.
CREATE TABLE units (
  -- Unit as written in `value`'s column `unit`, e.g. 'billion CNY', '100 million CNY' (亿元), 'trains'.
  code TEXT PRIMARY KEY,
  -- Base unit this unit converts to: 'CNY', 'USD', 'count', 'percent', 'days', 'km', 'TEU', 't' (tonnes), 'm2';
  -- NULL for 'date', which has no base (the value is an ISO date).
  base TEXT CHECK (base IN ('CNY', 'USD', 'count', 'percent', 'days', 'km', 'TEU', 't', 'm2')),
  -- Multiplier from this unit to the base unit (an integer where exact), e.g. 1000000000 for 'billion CNY'.
  factor ANY CHECK (typeof(factor) IN ('integer', 'real') AND factor > 0 OR (base IS NULL AND factor IS NULL)),
  -- What the unit means, e.g. 'yuan, in units of 100 million (亿元)'.
  meaning TEXT NOT NULL,
  CHECK ((base IS NULL) = (factor IS NULL))
) STRICT;

-- Periods figures refer to, as the sources state them: a day, a month, a quarter, a half-year,
-- months of a year to date, a calendar year, a stock "as of" a month, a span of years, or undated.
CREATE TABLE periods (
  -- The period as written in the data, e.g. '2021', '2022 H1', '2021 Jan-Oct', 'as of 2022-02',
  -- '2020 to 2022-02', '2021-07-05'.
  id TEXT PRIMARY KEY,
  -- Shape: 'day', 'month', 'quarter', 'half' (half-year), 'ytd' (a run of months or days from 1 January),
  -- 'year', 'as_of' (a stock counted at some time between `start_date` and `end_date`), 'span' (a cumulative
  -- total from `start_date` to `end_date`), or 'undated' (the source gives no period).
  kind TEXT NOT NULL CHECK (kind IN ('day', 'month', 'quarter', 'half', 'ytd', 'year', 'as_of', 'span', 'undated')),
  -- First day of the period as ISO text ('YYYY-MM-DD'; 'YYYY-MM' or 'YYYY' when the source is no more precise);
  -- NULL when the source gives no start.
  start_date TEXT CHECK (start_date IS NULL
    OR (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(start_date) = start_date)
    OR start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
    OR start_date GLOB '[12][0-9][0-9][0-9]'),
  -- Last day of the period as ISO text, same precision rules; NULL when undated.
  end_date TEXT CHECK (end_date IS NULL
    OR (end_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(end_date) = end_date)
    OR end_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
    OR end_date GLOB '[12][0-9][0-9][0-9]'),
  -- What is vague about the period, in a few words (e.g. 'year not printed; inferred from the text'); NULL if nothing.
  note TEXT,
  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date),
  CHECK (kind NOT IN ('day', 'month', 'quarter', 'half', 'ytd', 'year') OR (length(start_date) = 10 AND length(end_date) = 10)),
  CHECK (kind <> 'day' OR start_date = end_date),
  CHECK (kind <> 'year' OR (substr(start_date, 6) = '01-01' AND substr(end_date, 6) = '12-31' AND substr(start_date, 1, 4) = substr(end_date, 1, 4))),
  CHECK (kind <> 'undated' OR start_date IS NULL)
) STRICT;

CREATE INDEX periods_end ON periods(end_date);

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

-- Periods figures refer to, as the sources state them: a day, a run of days, a month, a quarter,
-- a half-year, months or days of a year to date, a calendar year, a year or month cut at the
-- report that names it, a stock "as of" a month, a cumulative span, or undated.
CREATE TABLE periods (
  -- The period as written in the data, e.g. '2021', '2022 H1', '2021 Jan-Oct', 'as of 2022-02',
  -- '2020 to 2022-02', '2021-07-05', '2022 (by 2022-11-08)'.
  id TEXT PRIMARY KEY,
  -- Shape: 'day'; 'days' (a run of consecutive days, e.g. an expo held from 2019-05-24 to
  -- 2019-05-26); 'month'; 'quarter'; 'half' (half-year); 'year'; 'ytd' (from 1 January to the
  -- end of a month or to a day); 'window' (an event, or a count, at an unstated time between
  -- `start_date` and `end_date`: a year or month the source names, ended at the source's own
  -- date because the source reported it before that year or month was over); 'as_of' (a stock
  -- counted at some time between `start_date` and `end_date`); 'span' (a stretch over which a
  -- figure accumulates or is averaged: a cumulative total, a cumulative target or an average
  -- annual rate); or 'undated' (the source gives no period).
  kind TEXT NOT NULL CHECK (kind IN ('day', 'days', 'month', 'quarter', 'half', 'year', 'ytd', 'window', 'as_of', 'span', 'undated')),
  -- First day the period can include, as ISO text: a full date 'YYYY-MM-DD' for every shape but
  -- 'as_of' and 'span', whose bounds are as precise as the source ('YYYY-MM-DD', 'YYYY-MM' or
  -- 'YYYY'); NULL when the source states no start (a total 'to date', an undated figure). A bound
  -- for sorting and joins, not a date the source stated: that is `iso`.
  start_date TEXT CHECK (start_date IS NULL
    OR (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(start_date) = start_date)
    OR start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
    OR start_date GLOB '[12][0-9][0-9][0-9]'),
  -- Last day the period can include, in the same form as `start_date`. For an 'undated' figure,
  -- the date by which the source stated it when that is known (e.g. 'n.d. (by 2026-01)'), else NULL.
  end_date TEXT CHECK (end_date IS NULL
    OR (end_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(end_date) = end_date)
    OR end_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
    OR end_date GLOB '[12][0-9][0-9][0-9]'),
  -- The period at the precision the source stated, in ISO 8601 form: '2020' (a year), '2023-H1'
  -- (a half-year), '2021-Q1' (a quarter), '2022-07' (a month), '2021-07-05' (a day), a range as
  -- 'start/end' ('2019-05-24/2019-05-26', '2022-01/2022-08', '2022/2022-11-08'), '../2022-08-17'
  -- when no start is stated; NULL when undated. Views show the date of a run, a milestone or an
  -- opening in this form.
  iso TEXT CHECK (iso GLOB '[12][0-9][0-9][0-9]*' OR iso GLOB '../[12][0-9][0-9][0-9]*'),
  -- What is vague about the period, in a few words (e.g. 'year not printed; inferred from the text'); NULL if nothing.
  note TEXT,
  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date),
  CHECK ((kind = 'undated') = (iso IS NULL)),
  CHECK (kind IN ('as_of', 'span', 'undated') OR (length(start_date) = 10 AND length(end_date) = 10)),
  CHECK (kind <> 'day' OR (start_date = end_date AND iso = start_date)),
  CHECK (kind <> 'month' OR (iso = substr(start_date, 1, 7) AND substr(start_date, 9) = '01'
                             AND end_date = date(start_date, '+1 month', '-1 day'))),
  CHECK (kind <> 'quarter' OR (iso = substr(start_date, 1, 4) || '-Q' || ((CAST(substr(start_date, 6, 2) AS INTEGER) + 2) / 3)
                               AND end_date = date(start_date, '+3 months', '-1 day'))),
  CHECK (kind <> 'half' OR (iso = substr(start_date, 1, 4) || CASE substr(start_date, 6) WHEN '01-01' THEN '-H1' WHEN '07-01' THEN '-H2' END
                            AND end_date = date(start_date, '+6 months', '-1 day'))),
  CHECK (kind <> 'year' OR (iso = substr(start_date, 1, 4) AND substr(start_date, 6) = '01-01'
                            AND end_date = substr(start_date, 1, 4) || '-12-31')),
  CHECK (kind NOT IN ('days', 'ytd', 'window', 'span') OR iso GLOB '*/*'),
  CHECK (kind <> 'undated' OR start_date IS NULL)
) STRICT;

CREATE INDEX periods_end ON periods(end_date);

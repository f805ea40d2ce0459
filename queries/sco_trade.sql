-- Trade and two-way investment with SCO countries over time, for the zone and for Qingdao: each figure once, with every source that states it.
SELECT scope || ', ' || label AS series, period, qualifier, value, unit, value_base, unit_base, conversion, is_plan,
       refs, sources
FROM sco_trade;

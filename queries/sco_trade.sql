-- Trade and two-way investment with SCO countries over time, for the zone and for Qingdao.
SELECT period, scope, label, value, unit, qualifier, value_base, unit_base, ref, source_id
FROM sco_trade
WHERE equivalent = 0;

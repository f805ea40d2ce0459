-- Freight trains per period, with the counting basis and scope each source uses.
SELECT period, value, unit, qualifier, basis, scope, wording, ref, source_id
FROM train_counts
WHERE period_kind <> 'span' AND route_id IS NULL;

-- Where sources disagree: the same figure, date, train or project stated differently, and figures of a series that cannot all be true; both values kept.
SELECT c.topic, c.subject, c.attribute, c.period,
       c.qualifier_a, c.value_a, c.unit_a, c.ref_a, sa.outlet AS outlet_a,
       c.qualifier_b, c.value_b, c.unit_b, c.ref_b, sb.outlet AS outlet_b,
       c.detail
FROM conflicts AS c
JOIN sources AS sa ON sa.id = c.source_a
JOIN sources AS sb ON sb.id = c.source_b
ORDER BY c.topic, c.subject, c.ref_a;

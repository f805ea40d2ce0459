-- Where sources disagree: the same figure, date, train or project stated differently, both values kept.
SELECT c.topic, c.subject, c.attribute, c.period,
       c.value_a, c.unit_a, c.ref_a, sa.outlet AS outlet_a,
       c.value_b, c.unit_b, c.ref_b, sb.outlet AS outlet_b
FROM conflicts AS c
JOIN sources AS sa ON sa.id = c.source_a
JOIN sources AS sb ON sb.id = c.source_b
ORDER BY c.topic, c.subject;

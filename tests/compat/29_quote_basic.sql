.mode quote
.headers off
SELECT 1, 'one', NULL, x'00ff', -2.5;
SELECT 'it''s', 'say "hi"', '', ' spaced ';
SELECT 'line1
line2', 'a' || char(13) || 'b', char(9);
SELECT -9223372036854775808, 9223372036854775807, 0.0, 1.0, 0.5;
SELECT '中文', '😀', 'é';
CREATE TABLE q(a, b);
INSERT INTO q VALUES (1, 'x'), (2.5, NULL), ('3', x'41');
SELECT * FROM q;

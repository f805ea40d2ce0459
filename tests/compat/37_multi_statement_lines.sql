.mode list
.headers on
SELECT 1 AS a; SELECT 2 AS b; SELECT 3 AS c;
CREATE TABLE s(x); INSERT INTO s VALUES (1); INSERT INTO s VALUES (2); SELECT sum(x) AS total FROM s;
SELECT
  x AS spread,
  x * 2 AS doubled
FROM s
ORDER BY x;
-- a comment line between statements
SELECT 'a;b' AS semicolon_in_string; -- trailing comment
/* block comment */ SELECT 'after block' AS c;
SELECT 'x' AS "semi;colon name";
SELECT 'multi
line;
string' AS m;
SELECT 4 AS d
;

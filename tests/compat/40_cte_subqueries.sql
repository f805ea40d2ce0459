.mode csv
.headers on
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
SELECT i, i * i AS sq, i % 3 = 0 AS fizz FROM n;
.mode list
.separator ,
WITH t(a, b) AS (VALUES (1, 'x'), (2, 'y'))
SELECT a, b, (SELECT count(*) FROM t) AS cnt FROM t ORDER BY a DESC;
SELECT * FROM (SELECT 1 AS inner_a, 2 AS inner_b) AS sub;
SELECT EXISTS (SELECT 1) AS e, 5 IN (1, 2, 5) AS i, NULL IS NULL AS isn, 'a' < 'b' AS cmp;
SELECT CASE WHEN 1 > 2 THEN 'yes' ELSE 'no' END AS c, coalesce(NULL, 'fallback') AS co, nullif(1, 1) AS nu;

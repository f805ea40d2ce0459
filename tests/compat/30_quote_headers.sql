.mode quote
.headers on
SELECT 1 AS a, 'x' AS b, NULL AS c;
SELECT 1 AS "it's", 2 AS "with space", 3 AS "列";
SELECT 1+1, 'a' || 'b', NULL;
SELECT 1 AS id UNION ALL SELECT 2 UNION ALL SELECT 3;
.separator ;
SELECT 1 AS a, 2 AS b;

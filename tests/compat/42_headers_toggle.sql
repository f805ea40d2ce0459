.mode list
.headers off
SELECT 1 AS a, 2 AS b;
.headers on
SELECT 1 AS a, 2 AS b;
.headers off
SELECT 3 AS a, 4 AS b;
.headers on
.mode csv
SELECT 5 AS c UNION ALL SELECT 6;
SELECT 7 AS d;
.headers off
SELECT 8 AS e;
.headers on
.mode tabs
SELECT 9 AS f, 10 AS g;
.headers 1
SELECT 11 AS h;
.headers 0
SELECT 12 AS i;
.headers yes
SELECT 13 AS j;
.headers no
SELECT 14 AS k;

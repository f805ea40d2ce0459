.mode csv
.headers on
SELECT 1 AS "a,b", 2 AS "say ""x""", 3 AS "with space", 4 AS plain, 5 AS "it's";
SELECT 1 AS "", 2 AS " ", 3 AS "tab	x";
SELECT 'v' AS "列名", 'w' AS "naïve";
SELECT 1+1, 'a' || 'b', 'q' AS "x";

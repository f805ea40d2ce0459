.mode list
.headers on
.separator "\t"
SELECT 1 AS a, 'two' AS b, 3.5 AS c;
.separator \t
SELECT 4 AS d, 'five' AS e;
.separator '\t'
SELECT 6 AS f, 'seven' AS g;
.separator "\t" "\r\n"
SELECT 8 AS h, 'nine' AS i UNION ALL SELECT 10, 'eleven';

.mode csv
.headers on
.separator ;
SELECT 'a;b' AS semi, 'a,b' AS comma, 'c' AS plain;
.separator ~ |
SELECT 'a;b' AS semi, 'a,b' AS comma, 'x~y' AS tilde, 'p|q' AS pipe;
SELECT 1 AS a UNION ALL SELECT 2;
.separator "\t"
SELECT 'tab' || char(9) || 'in' AS t, 'no tab' AS u;
.mode csv
SELECT 'a;b' AS semi, 'a,b' AS comma;

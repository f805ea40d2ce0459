.mode list
.headers on
SELECT '' AS e, NULL AS n, 'x' AS x;
.mode csv
SELECT '' AS e, NULL AS n, 'x' AS x;
SELECT '', '', '';
.mode tabs
SELECT '' AS e, NULL AS n, 'x' AS x;
.mode line
SELECT '' AS e, NULL AS n, 'x' AS x;
.mode quote
SELECT '' AS e, NULL AS n, 'x' AS x;
.mode insert
SELECT '' AS e, NULL AS n, 'x' AS x;
.nullvalue NULL
.mode csv
SELECT '' AS e, NULL AS n;

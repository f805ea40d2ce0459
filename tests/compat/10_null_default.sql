.mode list
.headers on
SELECT NULL AS n, 1 AS one, NULL AS n2;
SELECT NULL;
.headers off
SELECT NULL, NULL, NULL;
.mode csv
.headers on
SELECT NULL AS n, 'x' AS x, NULL AS n2;
.mode tabs
SELECT NULL AS n, 'x' AS x, NULL AS n2;
.mode line
SELECT NULL AS n, 'x' AS x, NULL AS n2;
.mode quote
SELECT NULL AS n, 'x' AS x;
.mode insert
SELECT NULL AS n, 'x' AS x;

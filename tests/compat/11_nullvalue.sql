.mode list
.headers on
.nullvalue NULL
SELECT NULL AS n, 'x' AS x, '' AS e;
.nullvalue (null)
SELECT NULL AS n, 'x' AS x;
.nullvalue -
.mode csv
SELECT NULL AS n, 'x' AS x, '' AS e;
.mode tabs
SELECT NULL AS n, 'x' AS x;
.mode line
SELECT NULL AS n, 'x' AS x;
.nullvalue "<nil>"
.mode quote
SELECT NULL AS n, 'x' AS x;
.mode insert t
SELECT NULL AS n, 'x' AS x;
.mode list
SELECT NULL AS n, 'x' AS x;
.nullvalue ""
SELECT NULL AS n, 'x' AS x;

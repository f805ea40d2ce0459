.mode list
.headers on
SELECT 1 AS a, 'x' AS b;
.mode csv
SELECT 1 AS a, 'x,y' AS b;
.mode tabs
SELECT 1 AS a, 'x' AS b;
.mode line
SELECT 1 AS a, 'x' AS b;
.mode quote
SELECT 1 AS a, 'x' AS b;
.mode insert sw
SELECT 1 AS a, 'x' AS b;
.mode list
SELECT 1 AS a, 'x' AS b;
.separator ::
.mode tabs
SELECT 'tabs resets' AS a, 2 AS b;
.mode list
SELECT 'list resets' AS a, 3 AS b;
.separator ;; ##
.mode csv
SELECT 'csv' AS a, 4 AS b;
.mode list
SELECT 'list again' AS a, 5 AS b;
.headers off
.mode csv
SELECT 'no header' AS a, 6 AS b;
.mode line
SELECT 'line' AS a, 7 AS b;
.mode list
SELECT 'end' AS a, 8 AS b;

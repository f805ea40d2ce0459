.mode list
.headers on
CREATE TABLE empty_t(a INTEGER, b TEXT);
SELECT * FROM empty_t;
SELECT 1 AS a WHERE 0;
.mode csv
SELECT * FROM empty_t;
.mode tabs
SELECT * FROM empty_t;
.mode line
SELECT * FROM empty_t;
.mode quote
SELECT * FROM empty_t;
.mode insert e
SELECT * FROM empty_t;
.mode list
SELECT 'after empty' AS marker;
SELECT * FROM empty_t WHERE a > 0;
INSERT INTO empty_t VALUES (1, 'one');
SELECT * FROM empty_t WHERE a > 5;
SELECT * FROM empty_t;
SELECT count(*) AS n FROM empty_t WHERE a > 5;

.mode insert t
.headers on
SELECT 1 AS id, 'x' AS name, 2 AS _private, 3 AS Mixed_Case9;
SELECT 1 AS "select", 2 AS "order", 3 AS "group", 4 AS "table", 5 AS "key", 6 AS "from";
SELECT 1 AS "with space", 2 AS "1starts_digit", 3 AS "dash-ed", 4 AS "dot.ted", 5 AS "q""uote";
SELECT 1 AS "列", 2 AS "naïve", 3 AS "";
SELECT 1 AS a, 2 AS a, 3 AS b;
SELECT 1+1, 'a' || 'b', NULL, 0.5;
SELECT 1 AS name, 2 AS type, 3 AS value, 4 AS data, 5 AS count;

.mode list
.headers on
.separator " | "
SELECT 1 AS a, 'b' AS b, 3 AS c UNION ALL SELECT 4, 'e', 6;
.separator ;; ##
SELECT 1 AS a, 2 AS b UNION ALL SELECT 3, 4;
.separator " :: " "\n--\n"
SELECT 'x' AS first, 'y' AS second UNION ALL SELECT 'z', 'w';
.headers off
.separator <-> <eol>
SELECT 1, 2, 3;

.mode line
.headers off
SELECT 1 AS "中文", 2 AS ab, 3 AS "日本語x";
SELECT 'v' AS "é", 'w' AS e, 'z' AS "😀";
SELECT '中文值' AS k, 'ascii' AS longer_key;
SELECT 1 AS "a b", 2 AS "", 3 AS "x";

.mode line
.headers off
SELECT 1 AS a, 2 AS bb UNION ALL SELECT 3, 4 UNION ALL SELECT 5, 6;
SELECT 'first statement' AS s;
SELECT 'second statement' AS s;
SELECT 'multi
line
value' AS text_value, NULL AS nada;
.nullvalue NULL
SELECT NULL AS nada, '' AS empty, 0 AS zero;
CREATE TABLE t(k, v);
INSERT INTO t VALUES ('a', 1);
SELECT * FROM t;
INSERT INTO t VALUES ('b', 2);
SELECT * FROM t ORDER BY k;

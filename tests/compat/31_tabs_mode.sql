.mode tabs
.headers on
CREATE TABLE t(id INTEGER, label TEXT, note TEXT);
INSERT INTO t VALUES (1, 'alpha', 'first'), (2, 'beta', NULL), (3, 'gam	ma', 'has tab'), (4, 'with,comma', '"quoted"');
SELECT * FROM t ORDER BY id;
.headers off
SELECT label, id FROM t WHERE id > 2;
.nullvalue N/A
.headers on
SELECT id, note FROM t WHERE note IS NULL;
SELECT 'line1
line2' AS multi, '' AS empty;

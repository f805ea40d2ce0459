.mode list
.headers on
SELECT 1 AS a, 2 AS a, 3 AS a;
SELECT 1+1, 'a' || 'b', 2 * 3, upper('x'), NULL, 'lit';
SELECT 1 + 1, 'a'||'b', abs(-5);
CREATE TABLE l(id INTEGER, name TEXT);
CREATE TABLE r(id INTEGER, name TEXT);
INSERT INTO l VALUES (1, 'left');
INSERT INTO r VALUES (1, 'right');
SELECT * FROM l JOIN r ON l.id = r.id;
SELECT l.name, r.name FROM l, r;
.mode csv
SELECT 1 AS a, 2 AS a, 1+1, 'a' || 'b';
.mode line
SELECT 1 AS a, 2 AS a, 1+1, 'a' || 'b';
.mode quote
SELECT 1 AS a, 2 AS a, 1+1, 'a' || 'b';
.mode tabs
SELECT * FROM l JOIN r USING (id);

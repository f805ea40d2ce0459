.mode list
.headers on
CREATE TABLE a(id INTEGER PRIMARY KEY, v TEXT);
INSERT INTO a(v) VALUES ('one');
INSERT INTO a(v) VALUES ('two');
SELECT * FROM a;
UPDATE a SET v = 'TWO' WHERE id = 2;
SELECT * FROM a WHERE id = 2;
DELETE FROM a WHERE id = 1;
SELECT count(*) AS remaining FROM a;
CREATE INDEX a_v ON a(v);
CREATE VIEW av AS SELECT id, v || '!' AS loud FROM a;
SELECT * FROM av;
DROP VIEW av;
BEGIN;
INSERT INTO a(v) VALUES ('three');
COMMIT;
SELECT id, v FROM a ORDER BY id;
CREATE TABLE b AS SELECT id * 10 AS id10, v FROM a;
SELECT * FROM b ORDER BY id10;
DROP TABLE b;
SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;

.mode insert
.headers off
SELECT 1, 'one', NULL;
SELECT 'it''s', 'say "hi"', '';
SELECT -9223372036854775808, 9223372036854775807, 0;
CREATE TABLE src(a INTEGER, b TEXT);
INSERT INTO src VALUES (1, 'x'), (2, 'y'), (3, NULL);
SELECT * FROM src ORDER BY a;
SELECT b FROM src WHERE a = 2;

.mode list
.headers on
VALUES (1, 'a'), (2, 'b');
VALUES (NULL);
.mode csv
VALUES (1, 'x,y', NULL), (2, 'z', 0.5);
.mode line
VALUES (1, 2, 3);
.mode insert vt
VALUES ('a', 1), ('b', 2);
.mode quote
VALUES ('q', x'01');
.headers off
.mode list
VALUES (10), (20), (30);
SELECT * FROM (VALUES (1, 'one'), (2, 'two')) ORDER BY column1 DESC;

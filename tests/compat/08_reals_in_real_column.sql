.mode list
.headers on
CREATE TABLE m(r REAL, n NUMERIC, i INTEGER, t TEXT);
INSERT INTO m VALUES (5, 5, 5, 5);
INSERT INTO m VALUES (2.0, 2.0, 2.0, 2.0);
INSERT INTO m VALUES (-3, '7', '8', 9);
INSERT INTO m VALUES (0, 0.5, '1.5', 0.25);
INSERT INTO m VALUES (1234567, 1e300, 10, 'txt');
SELECT r, typeof(r), n, typeof(n), i, typeof(i), t, typeof(t) FROM m;
.mode csv
SELECT * FROM m;
.mode insert m
SELECT r, i FROM m WHERE rowid < 5;
.mode quote
SELECT r, n, i, t FROM m WHERE rowid <= 3;
.mode line
SELECT r, n FROM m WHERE rowid = 1;

.mode list
.headers on
CREATE TABLE mixed(v);
INSERT INTO mixed VALUES (1), (2.5), ('three'), (NULL), (x'04'), (''), (-9223372036854775808), (1e300), ('中文');
SELECT rowid, v, typeof(v) FROM mixed ORDER BY rowid;
.mode csv
SELECT v FROM mixed ORDER BY rowid;
.mode tabs
SELECT typeof(v), v FROM mixed ORDER BY rowid;
.mode quote
SELECT v FROM mixed WHERE typeof(v) <> 'real' ORDER BY rowid;
.mode insert mixed
SELECT v FROM mixed WHERE typeof(v) <> 'real' ORDER BY rowid;
.mode line
SELECT v, typeof(v) AS t FROM mixed WHERE rowid <= 3 ORDER BY rowid;

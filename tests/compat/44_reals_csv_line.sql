.mode csv
.headers on
CREATE TABLE meas(label TEXT, val REAL);
INSERT INTO meas VALUES ('zero', 0.0), ('one', 1.0), ('neg', -2.5), ('tenth', 0.1), ('huge', 1e300), ('small', 1e-5), ('tiny', 1.5e-7), ('mid', 123456.789), ('int', 42), ('negint', -7);
SELECT label, val, typeof(val) FROM meas;
.mode line
SELECT label, val FROM meas WHERE label IN ('tenth', 'huge', 'int');
.mode tabs
SELECT label, val FROM meas ORDER BY val;
.mode list
SELECT max(val), min(val), count(val) FROM meas;

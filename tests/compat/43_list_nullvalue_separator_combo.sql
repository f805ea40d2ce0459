.mode list
.headers on
.nullvalue NULL
.separator " | " "\n"
CREATE TABLE c(a, b, c);
INSERT INTO c VALUES (1, NULL, 'x'), (NULL, NULL, NULL), ('', 'y', 2.5);
SELECT * FROM c;
.separator "," "\r\n"
SELECT * FROM c;
.separator "\t"
.nullvalue ""
SELECT * FROM c;

.mode list
.headers on
CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT, age INTEGER);
INSERT INTO people(name, age) VALUES ('Alice', 30), ('Bob', 25), ('Carol', NULL);
SELECT * FROM people ORDER BY id;
SELECT name, age FROM people WHERE age > 26;
SELECT id AS "Identifier", upper(name) AS shout FROM people ORDER BY name DESC;

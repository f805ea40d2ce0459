.mode csv
.headers on
CREATE TABLE items(id INTEGER, name TEXT, price REAL, qty INTEGER);
INSERT INTO items VALUES (1, 'apple', 0.5, 10), (2, 'banana', 0.25, 0), (3, 'cherry', 12.75, NULL);
SELECT * FROM items ORDER BY id;
.headers off
SELECT name, qty FROM items WHERE qty IS NOT NULL ORDER BY name;
SELECT 1, 2, 3;

.mode line
.headers on
CREATE TABLE emp(id INTEGER, name TEXT, department TEXT, salary INTEGER);
INSERT INTO emp VALUES (1, 'Ann', 'Engineering', 120000), (2, 'Bo', 'Ops', 95000), (3, 'Cy', NULL, 70000);
SELECT * FROM emp ORDER BY id;
SELECT id, name AS a_much_longer_column_name FROM emp WHERE id = 2;
SELECT 1 AS x;
SELECT 'single' AS only_column UNION ALL SELECT 'second';

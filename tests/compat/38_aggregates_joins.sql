.mode csv
.headers on
CREATE TABLE dept(id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE emp(id INTEGER PRIMARY KEY, dept_id INTEGER, name TEXT, salary INTEGER);
INSERT INTO dept VALUES (1, 'Eng'), (2, 'Ops'), (3, 'Empty');
INSERT INTO emp VALUES (1, 1, 'a', 100), (2, 1, 'b', 200), (3, 2, 'c', 50), (4, 2, 'd', 150), (5, NULL, 'e', 10);
SELECT d.name, count(e.id) AS n, sum(e.salary) AS total, avg(e.salary) AS mean, min(e.salary), max(e.salary)
FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.id ORDER BY d.id;
SELECT e.name, d.name AS dept FROM emp e LEFT JOIN dept d ON d.id = e.dept_id ORDER BY e.id;
SELECT group_concat(name, '+') AS names FROM emp;
SELECT dept_id, count(*) FROM emp GROUP BY dept_id HAVING count(*) > 1 ORDER BY dept_id;
.mode list
SELECT total(salary), sum(salary) / 2, avg(salary) FROM emp WHERE dept_id = 1;
SELECT CAST(7 AS REAL) / 2, 7 / 2, 7 % 3, 1.5 * 2, 0.25 + 0.25;

-- EXPLAIN QUERY PLAN is drawn as sqlite3 draws it, a tree, in every one of these modes.
-- Only plans that SQLite 3.40 and the bundled SQLite both make are used.
.mode list
.headers on
create table t(a, b);
create index i on t(a);
explain query plan select 1;
explain query plan select * from t as t1, t as t2 where t1.a = t2.b and t2.a in (select a from t where b > (select max(b) from t));
-- No plan at all: nothing is printed.
explain query plan create table x(a);
.headers off
explain query plan select 1;
.mode csv
explain query plan select * from t where a = 1;
.mode line
explain query plan select * from t where a = 1;
.mode tabs
explain query plan select * from t where a = 1;
.mode quote
explain query plan select * from t where a = 1;
.mode insert
explain query plan select * from t where a = 1;
.mode html
explain query plan select * from t where a = 1;
.mode list
select 'after';

-- .dump as sqlite3 writes it: tables in schema order with their rows, AUTOINCREMENT counters
-- after every table, then indexes, triggers and views; quoted names, text with quotes and
-- line breaks, blobs, integers and exact reals.
.mode list
.headers off
create table plain(x);
create table t(a integer primary key autoincrement, b);
insert into t(b) values ('one'), ('it''s'), ('two' || char(10) || 'lines'), (x'00ff'), (2.5), (NULL);
delete from t where a = 6;
create table "my t"("select", "a b");
insert into "my t" values (1, -7), ('x', -0.125), (0.5, 9223372036854775807);
create index i1 on t(b);
create view v as select a, b from t;
create trigger tr after insert on plain begin insert into t(b) values (new.x); end;
create table c(x) -- trailing comment
;
.dump
.print == dump my%
.dump my%

-- .schema, .tables and .indexes over main, temp and an attached database: system tables,
-- views with their column comment, quoted names, LIKE and GLOB patterns with escapes.
.mode list
.headers off
attach ':memory:' as aux;
create table t(a integer primary key autoincrement, b);
create table "my t"(x);
create table t_1(y);
create table tx1(z);
create index i1 on t(b);
create view v as select a, b+1 from t;
create view "odd view" as select x as "the x" from "my t";
create table c(x) -- trailing comment
;
create trigger tr after insert on t begin select 1; end;
create temp table tt(q);
create temp view tv as select 1;
create index temp.ti on tt(q);
create table aux.at1(x);
create index aux.ai on at1(x);
create view aux.av as select x from at1;
.print == schema
.schema
.print == schema t
.schema t
.print == schema t_1
.schema t_1
.print == schema t\_1
.schema t\\_1
.print == schema t*
.schema t*
.print == schema aux.%
.schema aux.%
.print == schema main.t
.schema main.t
.print == schema sqlite_schema
.schema sqlite_schema
.print == tables
.tables
.print == tables a%
.tables a%
.print == tables x
.tables x
.print == indexes
.indexes
.print == indexes tt
.indexes tt
.print == indexes t
.indexes t

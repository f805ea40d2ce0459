-- .echo shows every input line between statements (blank, comment, `#`), and .changes
-- prints after each line of SQL, queries included.
.mode list
.headers off
.echo on
select 1; select 2;

-- a comment line
# a hash line, a comment in sqlite3 scripts
/* a block comment */
create table t(a integer primary key, b);
.changes on
insert into t(b) values ('x'), ('y');
select count(*) from t;
update t set b = 'z' where a = 1; select b from t order by a;
delete from t;
create table u(c);
.changes off
select 'done';
.echo off
.print "bell\a back\b vt\v ff\f tab\t octal\101 quote\" end"

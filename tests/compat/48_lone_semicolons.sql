-- A line of nothing but semicolons (and space or comments) runs no statement: sqlite3
-- swallows it, so .changes and .timer print nothing for it, while .echo still shows it.
.mode list
.headers off
create table t(a);
.changes on
insert into t values (1);
;
;;
 ; -- a comment after it
/* a block */ ;
select count(*) from t;
.echo on
;
.changes off
select 'done';

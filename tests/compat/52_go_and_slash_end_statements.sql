-- As in sqlite3 (its SQL Server and Oracle habits): a line holding only GO or / ends the
-- statement before it, as ; would, unless it is inside a string or a comment. Alone, such a
-- line runs nothing.
.mode list
.headers off
select 1
go
select 2
  /  
select 3
  GO
go
/
select 'a
go
b';
create table t(a);
create trigger tr after insert on t begin
  insert into t select 2 where new.a = 1;
end
go
insert into t values(1)
Go
select count(*) from t
/
select 'after';
.echo on
select 5
go
go
select 6
/

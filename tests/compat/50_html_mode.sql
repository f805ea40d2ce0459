.mode html
.headers on
select 1 as a, '<b>&"x'' y</b>' as "c<d>&", null as n, 2.5 as r, x'41' as bl;
select 'a' || char(10) || 'b' as m, char(9) || 't' as t, -7 as neg;
select 1 as z where 0;
.headers off
select '<script>alert(1)</script>' as q;
.nullvalue <NULL>
select null;

.mode list
.headers on
SELECT 'plain' AS t1, 'with space' AS t2, '  leading' AS t3, 'trailing  ' AS t4;
SELECT 'it''s' AS apostrophe, 'say "hi"' AS dq, 'back\slash' AS bs;
SELECT '123' AS numeric_text, typeof('123') AS ty, '1.5' AS r_text;
SELECT 'line1
line2' AS multiline;
SELECT 'a' || char(9) || 'b' AS with_tab, 'c' || char(13) || 'd' AS with_cr;
SELECT upper('abc'), lower('DEF'), length('hello'), substr('sqlite', 2, 3);

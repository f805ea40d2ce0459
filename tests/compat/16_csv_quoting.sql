.mode csv
.headers on
SELECT 'a,b' AS comma, 'he said "hi"' AS dquote, 'it''s' AS squote;
SELECT ' lead' AS lead, 'trail ' AS trail, ' both ' AS both_, 'in side' AS inner_space;
SELECT 'line1
line2' AS newline, 'cr' || char(13) || 'here' AS cr, 'crlf' || char(13,10) || 'end' AS crlf;
SELECT 'tab' || char(9) || 'sep' AS tab, char(9) AS only_tab, ' ' AS only_space;
SELECT '"' AS lone_quote, '""' AS two_quotes, ',' AS lone_comma, '"a,b"' AS quoted_already;
SELECT 'plain' AS plain, 'x-y_z.w' AS punct, 'semi;colon' AS semi, 'pipe|bar' AS pipe;
SELECT 'a' || char(1) || 'b' AS ctrl, '~!@#$%^&*()' AS symbols, 'q?' AS q;
.headers off
SELECT 'a,b', 'c"d', 'e
f', 'g';

.mode list
.headers off
.separator ,
SELECT 1, 2, 3;
.separator |
SELECT 1, 2, 3;
.separator "|" "\n"
SELECT 'a|b', 'c';
.separator , "\n\n"
SELECT 1, 2 UNION ALL SELECT 3, 4;
.separator | ;
SELECT 1, 2 UNION ALL SELECT 3, 4;
.separator |
.headers on
SELECT 'row-sep-is-still-semicolon' AS note;
.separator | "\n"
SELECT 'back to newline' AS note;

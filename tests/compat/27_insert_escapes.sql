.mode insert esc
.headers off
SELECT 'line1
line2';
SELECT 'a' || char(13) || 'b';
SELECT 'crlf' || char(13,10) || 'end';
SELECT char(10), char(13), char(13,10);
SELECT 'it''s', '''', '''''', 'no escapes';
SELECT 'tab' || char(9) || 'here', 'semi;colon', 'back\slash';
SELECT '中文', '😀', 'é';
.headers on
SELECT 'x
y' AS "multi col", 'plain' AS p;

.mode insert t1
.headers off
SELECT 1, 'a';
.mode insert "my table"
SELECT 2, 'b';
.mode insert order
SELECT 3, 'c';
.mode insert Abc_9
SELECT 4, 'd';
.mode insert 中文
SELECT 5, 'e';
.mode insert 'x"y'
SELECT 6, 'f';
.mode insert _under
SELECT 7, 'g';
.mode insert 9lives
SELECT 8, 'h';
.headers on
.mode insert dest
SELECT 9 AS id, 'i' AS name;
.mode list
SELECT 'between' AS note;
.mode insert
SELECT 10 AS id, 'j' AS name;

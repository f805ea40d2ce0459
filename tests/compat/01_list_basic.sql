.mode list
.headers off
SELECT 1, 'one', 2, 'two';
SELECT 'hello world';
SELECT 42;
SELECT -7, 0, 'x';

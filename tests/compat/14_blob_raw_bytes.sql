.mode list
.headers off
SELECT x'ff41';
SELECT x'c3a9', x'e4b8ad';
SELECT x'41ff42', 'text';
.mode tabs
SELECT x'80', x'410042';
.mode csv
SELECT x'c3a9', x'41';

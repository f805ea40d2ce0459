.mode list
.headers on
SELECT replace(hex(zeroblob(100)), '00', 'ab') AS long_text;
.mode csv
SELECT replace(hex(zeroblob(60)), '00', 'a,') AS long_commas, length(replace(hex(zeroblob(60)), '00', 'a,')) AS len;
.mode line
SELECT replace(hex(zeroblob(50)), '00', 'xy') AS long_value, 1 AS short;
.mode quote
SELECT replace(hex(zeroblob(40)), '00', 'q''') AS many_quotes;
.mode insert lt
SELECT replace(hex(zeroblob(40)), '00', '''x') AS many_quotes;

.mode list
.headers on
SELECT 0.0 AS a, 1.0 AS b, -2.5 AS c, 0.1 AS d;
SELECT 1e300 AS big, 1e-5 AS small, 1.5e-7 AS tiny, 123456.789 AS mid;
SELECT 100.0, 9.99, 0.5, 3.14159, 2.5e-10, 1.5e20, 0.001, 1e-300;
SELECT -0.5, -1e300, -123456.789, 1000000.0, 12345678901234.5;
SELECT typeof(0.0), typeof(1e300), typeof(-2.5);
.mode csv
SELECT 0.0, 1.0, -2.5, 0.1, 1e300, 1e-5, 1.5e-7, 123456.789;
.mode tabs
SELECT 0.0, 1.0, -2.5, 0.1, 1e300, 1e-5, 1.5e-7, 123456.789;
.mode line
SELECT 0.1 AS d, 1e300 AS big, 1.5e-7 AS tiny, 123456.789 AS mid;

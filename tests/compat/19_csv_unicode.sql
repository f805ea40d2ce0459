.mode csv
.headers on
SELECT '中文' AS zh, '日本語' AS ja, '한국어' AS ko;
SELECT '😀' AS emoji, '👍🏽' AS skin, '👨‍👩‍👧' AS family;
SELECT 'é' AS combining, 'café' AS composed, 'naïve' AS nfc;
SELECT 'ascii' AS a, 'Ünïcödé, with comma' AS u, 'Ω' AS omega;
.headers off
SELECT '中文', 'plain', 'abc日本';

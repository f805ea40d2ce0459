.mode list
.headers on
SELECT '中文' AS zh, '日本語' AS ja, '한국어' AS ko, 'Ελληνικά' AS el, 'русский' AS ru;
SELECT '😀' AS emoji, '👍🏽' AS skin, '👨‍👩‍👧' AS family, '🇨🇳' AS flag;
SELECT 'é' AS combining_acute, 'ñ' AS combining_tilde, 'Z̤͔ͧ̑̓' AS zalgo;
SELECT length('中文'), length('é'), length('😀'), length(CAST('中文' AS BLOB));
SELECT upper('straße'), '中文' || '日本語' AS joined;
CREATE TABLE u(名前 TEXT, 値 INTEGER);
INSERT INTO u VALUES ('青岛', 1), ('上海合作组织', 2), ('😀😀', 3);
SELECT * FROM u ORDER BY 値;
.mode tabs
SELECT * FROM u ORDER BY 値 DESC;

.mode list
.headers on
SELECT x'414243' AS abc, x'00ff' AS nul_ff, zeroblob(4) AS zb, x'' AS empty_blob;
SELECT typeof(x'00ff'), length(x'00ff'), hex(x'00ff'), length(zeroblob(4));
.mode csv
SELECT x'414243' AS abc, x'00ff' AS nul_ff, zeroblob(4) AS zb, x'' AS empty_blob;
.mode tabs
SELECT x'414243' AS abc, x'00ff' AS nul_ff, zeroblob(4) AS zb;
.mode line
SELECT x'414243' AS abc, x'00ff' AS nul_ff, zeroblob(4) AS zb;
.mode quote
SELECT x'414243' AS abc, x'00ff' AS nul_ff, zeroblob(4) AS zb, x'' AS empty_blob, x'DEADBEEF' AS upper_hex;
.mode insert b
SELECT x'414243' AS abc, x'00ff' AS nul_ff, zeroblob(4) AS zb, x'' AS empty_blob, x'DEADBEEF' AS upper_hex;
CREATE TABLE blobs(id INTEGER, data BLOB);
INSERT INTO blobs VALUES (1, x'0102030405'), (2, zeroblob(2)), (3, x'cafe');
.mode insert blobs
SELECT * FROM blobs;
.mode quote
.headers off
SELECT data FROM blobs;

-- Batches of projects signed or started together, with their totals in yuan, largest first.
SELECT b.period, b.name, b.status, b.projects, b.amount, b.amount_unit, b.amount_qualifier,
       CAST(round(b.amount * u.factor) AS INTEGER) AS amount_cny, b.ref, s.outlet
FROM investment_batches AS b
LEFT JOIN units AS u ON u.code = b.amount_unit
JOIN sources AS s ON s.id = b.source_id
ORDER BY amount_cny IS NULL, amount_cny DESC;

-- Where each fact id of the research file went: the tables that cite it, or why it was omitted.
SELECT ref, group_concat(from_table || ' (' || rows || ')', ', ') AS cited_in, max(reason) AS omitted_because
FROM refs
GROUP BY ref
ORDER BY ref;

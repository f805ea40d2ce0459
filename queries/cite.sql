-- Where one fact comes from: outlet, title, date and address of every source of a ref.
-- @param ref TEXT fact id, e.g. 'F060'
SELECT ref, source_id, outlet, title, published, url, mirror_url, original_outlet, kind, note
FROM citations
WHERE ref = upper(:ref);

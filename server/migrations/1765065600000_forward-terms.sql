-- Up Migration
-- Each report's terms with their impact bytes (its forward list), beside the postings on the
-- coordinator: a query reads the postings of its rarer, heavier terms only, and completes the
-- exact scores of the few reports that can still reach its candidates from their forward lists
-- (server/retrieval.ts), so the longest postings lists (the commonest terms, lightest weights) are
-- never read. `terms` joins the terms with U+001F (no term holds it: words are letters, entity
-- terms '@' and an id); `imps` holds their impact bytes in the same order.
CREATE TABLE report_terms (
  team_id int NOT NULL,
  n bigint NOT NULL,
  terms text NOT NULL,
  imps bytea NOT NULL,
  PRIMARY KEY (team_id, n)
);
DO $$ BEGIN
  ALTER TABLE report_terms ALTER COLUMN terms SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
END $$;

-- Reports already stored: their forward lists from the postings.
INSERT INTO report_terms (team_id, n, terms, imps)
SELECT x.team_id, x.n, string_agg(x.term, E'\x1f' ORDER BY x.term), string_agg(x.imp, ''::bytea ORDER BY x.term)
  FROM (SELECT p.team_id, p.term, substring(p.imps FROM k + 1 FOR 1) AS imp,
               ((get_byte(p.ids, 4 * k)::bigint << 24) | (get_byte(p.ids, 4 * k + 1) << 16) | (get_byte(p.ids, 4 * k + 2) << 8) | get_byte(p.ids, 4 * k + 3)) AS n
          FROM postings p CROSS JOIN LATERAL generate_series(0, octet_length(p.imps) - 1) AS k) x
 GROUP BY x.team_id, x.n;

-- Down Migration
DROP TABLE report_terms;

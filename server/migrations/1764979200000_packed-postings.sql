-- Up Migration
-- Postings packed as the extension keeps them (lib/corpus/blocks.ts): a row per term and segment
-- with the doc numbers (4 bytes each, big-endian, ascending) and their impact bytes, so that a
-- query reads a few rows per term and scores every posting in the server's memory, exactly as the
-- local engine does. This replaces the GIN index over `reports.terms`: a query that unnested the
-- candidates' term arrays read ~100 times more data, and the GIN index was most of a load's cost.
-- A segment is a range of report numbers; segments of one level are merged FANOUT at a time
-- (server/postings.ts), so a term has a few dozen rows at most. Documents per term (idf) are the
-- postings' lengths: `term_df` is no longer kept.
CREATE TABLE postings (
  team_id int NOT NULL,
  lo bigint NOT NULL,
  lvl int NOT NULL,
  term text NOT NULL,
  ids bytea NOT NULL,
  imps bytea NOT NULL,
  PRIMARY KEY (team_id, lo, lvl, term)
);
-- Doc numbers and impacts hardly compress: stored out of line uncompressed, their lengths are read
-- without reading them (the document count of a term).
ALTER TABLE postings ALTER COLUMN ids SET STORAGE EXTERNAL, ALTER COLUMN imps SET STORAGE EXTERNAL;
CREATE INDEX postings_term ON postings (team_id, term);

CREATE TABLE posting_segs (
  team_id int NOT NULL,
  lo bigint NOT NULL,
  hi bigint NOT NULL,
  lvl int NOT NULL,
  PRIMARY KEY (team_id, lo, lvl)
);

-- Reports already stored: one segment per team, above every level a load merges into.
INSERT INTO postings (team_id, lo, lvl, term, ids, imps)
SELECT s.team_id, s.lo, 100, x.t, string_agg(int4send(x.n::int), ''::bytea ORDER BY x.n), string_agg(set_byte('\x00'::bytea, 0, x.imp::int), ''::bytea ORDER BY x.n)
  FROM (SELECT team_id, min(n) AS lo FROM reports GROUP BY team_id) s
  JOIN LATERAL (SELECT r.n, u.t, u.imp FROM reports r CROSS JOIN LATERAL unnest(r.terms, r.imps) AS u(t, imp) WHERE r.team_id = s.team_id) x ON true
 GROUP BY s.team_id, s.lo, x.t;
INSERT INTO posting_segs (team_id, lo, hi, lvl) SELECT team_id, min(n), max(n), 100 FROM reports GROUP BY team_id;

-- The postings are the index: the reports' own copies of their terms (a third of a report row,
-- written by every load) go. Reports' texts compress with lz4 where the server has it (Debian's
-- PostgreSQL does; PGlite keeps pglz): several times faster to write than pglz.
DROP INDEX reports_terms;
ALTER TABLE reports DROP COLUMN terms, DROP COLUMN imps;
DROP TABLE term_df;
-- Each report's event document (lib/events: its signature and word counts) as the client that
-- loaded it made it, JSON: a query's event model reads it in place of analysing the text again
-- (most of a query's time). Checked when read; a report without one is judged from its text.
ALTER TABLE reports ADD COLUMN ev text;
DO $$ BEGIN
  ALTER TABLE reports ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN mh SET COMPRESSION lz4, ALTER COLUMN ev SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
END $$;

-- Down Migration
ALTER TABLE reports DROP COLUMN ev;
CREATE TABLE term_df (
  team_id int NOT NULL,
  term text NOT NULL,
  df int NOT NULL,
  PRIMARY KEY (team_id, term)
);
INSERT INTO term_df (team_id, term, df) SELECT team_id, term, sum(octet_length(imps)) FROM postings GROUP BY team_id, term;
ALTER TABLE reports ADD COLUMN terms text[] NOT NULL DEFAULT '{}', ADD COLUMN imps smallint[] NOT NULL DEFAULT '{}';
UPDATE reports r SET terms = x.terms, imps = x.imps
  FROM (SELECT p.team_id, int4recv_n AS n, array_agg(p.term ORDER BY p.term) AS terms, array_agg(get_byte(p.imps, k)::smallint ORDER BY p.term) AS imps
          FROM postings p CROSS JOIN LATERAL generate_series(0, octet_length(p.imps) - 1) AS k
          CROSS JOIN LATERAL (SELECT ((get_byte(p.ids, 4 * k) << 24) | (get_byte(p.ids, 4 * k + 1) << 16) | (get_byte(p.ids, 4 * k + 2) << 8) | get_byte(p.ids, 4 * k + 3))::bigint AS int4recv_n) d
         GROUP BY p.team_id, int4recv_n) x
 WHERE r.team_id = x.team_id AND r.n = x.n;
CREATE INDEX reports_terms ON reports USING gin (terms);
DROP TABLE posting_segs;
DROP TABLE postings;

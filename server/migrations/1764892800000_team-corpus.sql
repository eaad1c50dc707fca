-- Up Migration
-- A team's corpus: people and their tokens, the reports with the engine's analysis of each (the
-- same analysis as the extension's index, lib/engine/features.ts), term counts for idf, an audit
-- log of writes. Report numbers `n` count per team from 1, like the extension's doc numbers, so
-- ties between equal scores break the same way in both engines.
CREATE TABLE teams (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
  id serial PRIMARY KEY,
  team_id int NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('reader', 'contributor', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, name)
);

-- A token is `isnad_<id>.<secret>`; only an argon2 hash of the secret is kept.
CREATE TABLE tokens (
  id text PRIMARY KEY,
  member_id int NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  hash text NOT NULL,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  team_id int NOT NULL,
  member_id int,
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_team ON audit (team_id, id);

-- Live report count and total length (idf, average length), the next report number.
CREATE TABLE corpus_stats (
  team_id int PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  docs bigint NOT NULL DEFAULT 0,
  len double precision NOT NULL DEFAULT 0,
  next_n bigint NOT NULL DEFAULT 1
);

CREATE TABLE term_df (
  team_id int NOT NULL,
  term text NOT NULL,
  df int NOT NULL,
  PRIMARY KEY (team_id, term)
);

-- Every URL (as lib/corpus/ids.ts keys it) a report is known under: a report already known under
-- one of them is a duplicate.
CREATE TABLE report_keys (
  team_id int NOT NULL,
  key text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (team_id, key)
);

-- The changes feed's order: a report's number in it.
CREATE SEQUENCE report_seq;

CREATE TABLE reports (
  team_id int NOT NULL,
  n bigint NOT NULL,
  id text NOT NULL,
  url text NOT NULL,
  outlet text NOT NULL,
  title text NOT NULL,
  published_at text,
  body text NOT NULL,
  day int,
  len double precision NOT NULL,
  -- Stems and entity terms (@id), with each one's BM25 impact byte, in parallel.
  terms text[] NOT NULL,
  imps smallint[] NOT NULL,
  e text[] NOT NULL,
  en text[] NOT NULL,
  et text[] NOT NULL,
  src text[] NOT NULL,
  h0 bigint NOT NULL,
  h1 bigint NOT NULL,
  mh bigint[] NOT NULL,
  dup bigint,
  imp text NOT NULL,
  tk text NOT NULL,
  seq bigint NOT NULL DEFAULT nextval('report_seq'),
  added_by int,
  PRIMARY KEY (team_id, n)
);
CREATE INDEX reports_terms ON reports USING gin (terms);
CREATE INDEX reports_seq ON reports (team_id, seq);
CREATE INDEX reports_id ON reports (team_id, id);
CREATE INDEX reports_day ON reports (team_id, day);

-- Down Migration
DROP TABLE reports;
DROP SEQUENCE report_seq;
DROP TABLE report_keys;
DROP TABLE term_df;
DROP TABLE corpus_stats;
DROP TABLE audit;
DROP TABLE tokens;
DROP TABLE members;
DROP TABLE teams;

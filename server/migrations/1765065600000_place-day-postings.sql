-- Up Migration
-- Place-day postings (lib/engine/place-days.ts): since then a report is also indexed under
-- `@place~day` for every city or governorate it names, on its publication day, and a query
-- reserves the reports under its event's place and day. A corpus stored before has none of them,
-- so its queries found nothing through them and its answers differed from the local engine's.
-- They are built here from what is stored: each segment's postings of an entity term (`@id`) whose
-- report names `id` as a city or a governorate (`reports.et`, the same test as placeDayTerms) and
-- has a day give, in the same segment, a posting of `@id~day` with the same impact byte (a load
-- weighs both alike: server/store.ts). Segments keep their ranges, so later merges concatenate
-- them as any other term's. A term a segment already holds (written by a load since) is kept.
INSERT INTO postings (team_id, lo, lvl, term, ids, imps)
SELECT p.team_id, p.lo, p.lvl, p.term || '~' || r.day,
       string_agg(int4send(x.n::int), ''::bytea ORDER BY x.n),
       string_agg(set_byte('\x00'::bytea, 0, x.imp), ''::bytea ORDER BY x.n)
  FROM postings p
  CROSS JOIN LATERAL generate_series(0, octet_length(p.imps) - 1) AS k
  CROSS JOIN LATERAL (SELECT ((get_byte(p.ids, 4 * k)::bigint << 24) | (get_byte(p.ids, 4 * k + 1) << 16) | (get_byte(p.ids, 4 * k + 2) << 8) | get_byte(p.ids, 4 * k + 3)) AS n,
                             get_byte(p.imps, k) AS imp) x
  JOIN reports r ON r.team_id = p.team_id AND r.n = x.n
 WHERE p.term LIKE '@%' AND r.day IS NOT NULL
   AND EXISTS (SELECT 1 FROM unnest(r.e, r.et) AS u(id, kind) WHERE '@' || u.id = p.term AND u.kind ~* 'city|governorate|province')
 GROUP BY p.team_id, p.lo, p.lvl, p.term, r.day
ON CONFLICT DO NOTHING;

-- Down Migration
-- The place-day postings go (the schema before reads none).
DELETE FROM postings WHERE term ~ '^@.*~-?[0-9]+$';

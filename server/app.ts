// The team server's HTTP API (Fastify). Every route is under /v1/teams/:team/ and needs a bearer
// token of a member of that team whose role allows the route; there is no route without one.
// Writes are recorded in the audit log in the transaction that makes them.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { validateRecord } from '../lib/corpus/formats';
import { fromWire, type FeaturesWire } from '../lib/engine/wire';
import type { ReportRecord } from '../lib/types';
import { addMember, allows, audit, authenticate, isRole, issueToken, revokeToken, type Principal, type Role } from './auth';
import type { Db } from './db';
import { teamQuery, type TeamQuery } from './query';
import { eventDocFromWire } from '../lib/events';
import { PostingsCandidates, type CandidateSource } from './retrieval';
import { addBatch, BATCH, STORED } from './store';
import { shardCopier } from './shard-copy';
import { AnalysePool, type TeamAnalysis } from './analyse-pool';
import { upload, UploadError } from './upload';
import { eventDocToStore } from './event-pack';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyContextConfig {
    role?: Role;
  }
}

export interface AppOptions {
  db: Db;
  /** Where queries and the changes feed read (a streaming replica); default `db`. Tokens are always checked on `db`. */
  readDb?: Db;
  /** Candidate retrieval (default: SQL on the read database). */
  candidates?: CandidateSource;
  /** Requests a token (or, before authentication, an address) may make per minute. */
  rateLimit?: number;
  logger?: boolean;
  /** Analysis of uploaded records sent without theirs (default: worker threads on every core, started at the first). */
  analyse?: (records: ReportRecord[]) => Promise<TeamAnalysis>;
}

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const tokenOf = (req: FastifyRequest) => {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
};

const str = { type: 'string', maxLength: 4096 } as const;
const strings = (max: number) => ({ type: 'array', maxItems: max, items: { type: 'string', maxLength: 512 } }) as const;
const numbers = (max: number) => ({ type: 'array', maxItems: max, items: { type: 'number' } }) as const;
const analysisSchema = {
  type: 'object',
  required: ['terms', 'counts', 'len', 'entities', 'sources', 'day', 'fingerprint', 'phrases'],
  properties: {
    terms: strings(20_000),
    counts: numbers(20_000),
    len: { type: 'number' },
    entities: { type: 'array', maxItems: 2000, items: { type: 'object', required: ['id', 'name', 'type'], properties: { id: str, name: str, type: str } } },
    sources: strings(500),
    day: { type: ['integer', 'null'] },
    fingerprint: numbers(2),
    phrases: numbers(1024),
    tk: str,
  },
} as const;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { db } = opts;
  const readDb = opts.readDb ?? db;
  // A sharded set: loads COPY straight into the shards, and queries read the reports' rows there
  // (server/shard-copy.ts), not through postgres_fdw.
  const shards = await shardCopier(db);
  const dbs = { sql: readDb, reports: shards?.reader() ?? readDb };
  const candidates = opts.candidates ?? new PostingsCandidates(readDb, dbs.reports);
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024 });

  let pool: AnalysePool | undefined;
  const analyse = opts.analyse ?? ((records: ReportRecord[]) => (pool ??= new AnalysePool()).analyse(records));
  app.addHook('onClose', async () => void (await Promise.all([pool?.close(), shards?.close()])));
  // An NDJSON body is not parsed here: the route reads it as a stream (server/upload.ts).
  app.addContentTypeParser('application/x-ndjson', (_req, payload, done) => done(null, payload));

  await app.register(rateLimit, {
    max: opts.rateLimit ?? 600,
    timeWindow: 60_000,
    // Per token (its id, before the secret), else per address.
    keyGenerator: (req) => tokenOf(req)?.split('.')[0] ?? req.ip,
  });

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
    const status = err instanceof HttpError ? err.statusCode : err.validation ? 400 : (err.statusCode ?? 500);
    if (status >= 500) app.log.error(err);
    reply.code(status).send({ error: status >= 500 ? 'internal error' : err.message });
  });

  // Authentication, the team in the path and the route's role: before anything else runs.
  app.addHook('onRequest', async (req) => {
    const p = await authenticate(db, tokenOf(req));
    if (!p) throw new HttpError(401, 'a valid bearer token is required');
    const team = (req.params as { team?: string }).team;
    if (team !== undefined && team !== p.team) throw new HttpError(403, 'this token is not a member of that team');
    const role = req.routeOptions.config.role;
    if (!role || team === undefined) throw new HttpError(404, 'no such route');
    if (!allows(p.role, role)) throw new HttpError(403, `a ${p.role} may not do this (needs ${role})`);
    req.principal = p;
  });

  const T = '/v1/teams/:team';

  app.get(`${T}/me`, { config: { role: 'reader' } }, async (req) => {
    const p = req.principal;
    const [stats] = await db.query<{ docs: number }>('SELECT docs::float8 AS docs FROM corpus_stats WHERE team_id = $1', [p.teamId]);
    return { team: p.team, member: p.member, role: p.role, reports: stats?.docs ?? 0 };
  });

  app.post<{ Body: TeamQuery }>(
    `${T}/query`,
    {
      config: { role: 'reader' },
      schema: {
        body: {
          type: 'object',
          required: ['url', 'textKey', 'analysis'],
          properties: { url: str, otherUrls: strings(8), outlet: str, textKey: str, analysis: analysisSchema, event: { type: 'object' }, top: { type: 'integer', minimum: 1, maximum: 50 } },
        },
      },
    },
    async (req) => {
      try {
        fromWire(req.body.analysis);
        if (req.body.event !== undefined) eventDocFromWire(req.body.event);
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      return { related: await teamQuery(dbs, candidates, req.principal.teamId, req.body) };
    },
  );

  app.post<{ Body: { records: unknown[]; analyses?: FeaturesWire[]; events?: unknown[]; source?: string } }>(
    `${T}/reports`,
    {
      config: { role: 'contributor' },
      bodyLimit: 64 * 1024 * 1024,
      schema: { body: { type: 'object', required: ['records'], properties: { records: { type: 'array', maxItems: BATCH }, analyses: { type: 'array', maxItems: BATCH, items: analysisSchema }, events: { type: 'array', maxItems: BATCH, items: { type: 'object' } }, source: { type: 'string', maxLength: 200 } } } },
    },
    async (req) => {
      const { records, analyses, events, source } = req.body;
      if (analyses && analyses.length !== records.length) throw new HttpError(400, 'analyses: one per record');
      if (events && (!analyses || events.length !== records.length)) throw new HttpError(400, 'events: one per record, with the analyses');
      const good: ReportRecord[] = [];
      const goodAnalyses = [];
      const problems: Array<{ index: number; reason: string }> = [];
      for (let i = 0; i < records.length; i++) {
        const r = validateRecord(records[i]);
        if (typeof r === 'string') {
          problems.push({ index: i, reason: r });
          continue;
        }
        if (analyses) {
          try {
            goodAnalyses.push({ ...fromWire(analyses[i]!), ...(events ? { ev: eventDocToStore(events[i]) } : {}) });
          } catch (e) {
            problems.push({ index: i, reason: (e as Error).message });
            continue;
          }
        }
        good.push(r);
      }
      const res = good.length ? await addBatch(db, { teamId: req.principal.teamId, memberId: req.principal.memberId }, { records: good, source: source ?? 'api', analyses: analyses ? goodAnalyses : undefined }, shards) : { added: 0, duplicates: 0 };
      return { ...res, problems };
    },
  );

  // A streamed upload of any length: a report a line, stored a batch at a time (server/upload.ts).
  app.post<{ Querystring: { source?: string } }>(
    `${T}/reports/stream`,
    { config: { role: 'contributor' }, schema: { querystring: { type: 'object', properties: { source: { type: 'string', maxLength: 200 } } } } },
    async (req, reply) => {
      if (!req.headers['content-type']?.startsWith('application/x-ndjson')) throw new HttpError(415, 'send application/x-ndjson: one report a line');
      const who = { teamId: req.principal.teamId, memberId: req.principal.memberId };
      try {
        return await upload(db, req.body as AsyncIterable<Uint8Array>, { who, source: req.query.source ?? 'upload', analyse, shards });
      } catch (e) {
        if (!(e instanceof UploadError)) throw e;
        app.log.error(e);
        reply.code(500);
        return { error: e.message, fromLine: e.fromLine, ...e.result };
      }
    },
  );

  app.get<{ Querystring: { after?: number; limit?: number } }>(
    `${T}/changes`,
    { config: { role: 'reader' }, schema: { querystring: { type: 'object', properties: { after: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 5000 } } } } },
    async (req) => {
      const after = req.query.after ?? 0;
      const rows = await readDb.query<{ seq: number; url: string; outlet: string; title: string; published_at: string | null; body: string }>(
        `SELECT seq::float8 AS seq, url, outlet, title, published_at, body FROM reports WHERE team_id = $1 AND seq > $2 AND ${STORED} ORDER BY seq LIMIT $3`,
        [req.principal.teamId, after, req.query.limit ?? 500],
      );
      return {
        reports: rows.map((r) => ({ seq: r.seq, record: { url: r.url, outlet: r.outlet, title: r.title, publishedAt: r.published_at, text: r.body } })),
        next: rows.length ? rows[rows.length - 1]!.seq : after,
      };
    },
  );

  app.post<{ Body: { name: string; role: string } }>(
    `${T}/members`,
    { config: { role: 'admin' }, schema: { body: { type: 'object', required: ['name', 'role'], properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, role: { type: 'string' } } } } },
    async (req, reply) => {
      const { name, role } = req.body;
      if (!isRole(role)) throw new HttpError(400, `role: one of reader, contributor, admin`);
      const p = req.principal;
      const id = await db.tx(async (sql) => {
        const exists = await sql.query('SELECT 1 FROM members WHERE team_id = $1 AND name = $2', [p.teamId, name]);
        if (exists.length) throw new HttpError(409, `member "${name}" exists`);
        const mid = await addMember(sql, p.teamId, name, role);
        await audit(sql, p.teamId, p.memberId, 'member.add', { member: mid, name, role });
        return mid;
      });
      reply.code(201);
      return { id, name, role };
    },
  );

  app.post<{ Params: { team: string; id: string }; Body: { label?: string } | undefined }>(`${T}/members/:id/tokens`, { config: { role: 'admin' } }, async (req, reply) => {
    const p = req.principal;
    const memberId = Number(req.params.id);
    const out = await db.tx(async (sql) => {
      const m = await sql.query('SELECT 1 FROM members WHERE id = $1 AND team_id = $2', [Number.isInteger(memberId) ? memberId : -1, p.teamId]);
      if (!m.length) throw new HttpError(404, 'no such member in this team');
      const t = await issueToken(sql, memberId, String(req.body?.label ?? '').slice(0, 200));
      await audit(sql, p.teamId, p.memberId, 'token.issue', { member: memberId, token: t.id });
      return t;
    });
    reply.code(201);
    return out;
  });

  // A member may revoke their own token; an admin any token of the team.
  app.delete<{ Params: { team: string; id: string } }>(`${T}/tokens/:id`, { config: { role: 'reader' } }, async (req) => {
    const p = req.principal;
    if (req.params.id !== p.tokenId && !allows(p.role, 'admin')) throw new HttpError(403, 'only an admin may revoke another member\'s token');
    const done = await db.tx(async (sql) => {
      const ok = await revokeToken(sql, p.teamId, req.params.id);
      if (ok) await audit(sql, p.teamId, p.memberId, 'token.revoke', { token: req.params.id });
      return ok;
    });
    if (!done) throw new HttpError(404, 'no such live token in this team');
    return { revoked: req.params.id };
  });

  app.get<{ Querystring: { after?: number } }>(`${T}/audit`, { config: { role: 'admin' }, schema: { querystring: { type: 'object', properties: { after: { type: 'integer', minimum: 0 } } } } }, async (req) => {
    const rows = await db.query('SELECT id::float8 AS id, at, member_id, action, detail FROM audit WHERE team_id = $1 AND id > $2 ORDER BY id LIMIT 500', [req.principal.teamId, req.query.after ?? 0]);
    return { entries: rows };
  });

  return app;
}

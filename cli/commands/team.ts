import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { articleQuery } from '../../lib/engine/context';
import type { ReportRecord } from '../../lib/types';
import { createTeam } from '../../server/auth';
import { TeamClient, teamQueryFor } from '../../server/client';
import { AnalysePool, uploadLine } from '../../server/analyse-pool';
import { openDb } from '../../server/db';
import { migrate } from '../../server/migrate';
import { BATCH } from '../../server/store';
import { loadArticle, loadCorpus } from '../load';
import { CliError } from '../read';

export const usage = `team <init|load|query|pull> ...   a team corpus on the team server (docs/TEAM.md)
    team init --team NAME [--admin NAME] [--data DIR]   create a team and its admin's token (DATABASE_URL, else PGlite in DIR)
    team load <corpus files>...                        add reports (a streamed upload a file, COPY on the server)
    team query <file> [--url URL] [--top N] --json      the team's reports related to an article (the xref shape)
    team pull --out FILE.jsonl [--state FILE] [--page N]         the team's reports, resumable (changes feed by sequence number)
    server, team and token: --server/--team/--token or ISNAD_TEAM_SERVER, ISNAD_TEAM, ISNAD_TEAM_TOKEN`;

const OPTIONS = {
  server: { type: 'string' },
  team: { type: 'string' },
  token: { type: 'string' },
  admin: { type: 'string' },
  data: { type: 'string' },
  url: { type: 'string' },
  top: { type: 'string' },
  out: { type: 'string' },
  state: { type: 'string' },
  page: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function client(v: Values): TeamClient {
  const server = v.server ?? process.env.ISNAD_TEAM_SERVER;
  const team = v.team ?? process.env.ISNAD_TEAM;
  const token = v.token ?? process.env.ISNAD_TEAM_TOKEN;
  if (!server || !team || !token) throw new CliError('the team server, team and token are needed (--server, --team, --token or ISNAD_TEAM_SERVER, ISNAD_TEAM, ISNAD_TEAM_TOKEN)');
  return new TeamClient(server, team, token);
}

/**
 * `team load`: the analysis is done here, beside the files, so the server's cores are left for
 * queries: on every core, the next batch's while this one is sent. Each file is one streamed
 * upload (server/upload.ts), a report a line: the server stores a batch at a time as it reads.
 */
async function loadFiles(c: TeamClient, files: string[]): Promise<{ added: number; duplicates: number; problems: string[] }> {
  let added = 0;
  let duplicates = 0;
  const problems: string[] = [];
  const pool = new AnalysePool();
  try {
    for (const file of files) {
      const reports = await loadCorpus([file], false, (m) => process.stderr.write(`warning: ${m}\n`));
      const records: ReportRecord[] = reports.map((r) => ({ url: r.url, outlet: r.outlet, title: r.title, publishedAt: r.publishedAt, text: r.text }));
      const res = await c.upload(analysedLines(pool, records), basename(file));
      added += res.added;
      duplicates += res.duplicates;
      // Line k of the upload is the file's record k.
      for (const p of res.problems) problems.push(`${file}: record ${p.line}: ${p.reason}`);
      if (res.moreProblems) problems.push(`${file}: ${res.moreProblems} more records refused`);
    }
  } finally {
    await pool.close();
  }
  return { added, duplicates, problems };
}

/** The records with their analysis and event document, a line each; the next batch analysed while one is sent. */
async function* analysedLines(pool: AnalysePool, records: ReportRecord[]): AsyncGenerator<string> {
  const analysed = (i: number) => pool.analyse(records.slice(i, i + BATCH));
  let next = records.length ? analysed(0) : null;
  for (let i = 0; next; i += BATCH) {
    const { analyses, events } = await next;
    next = i + BATCH < records.length ? analysed(i + BATCH) : null;
    let chunk = '';
    analyses.forEach((analysis, k) => (chunk += uploadLine(records[i + k]!, analysis, events[k]!)));
    yield chunk;
  }
}

export async function run(argv: string[]): Promise<unknown> {
  const [sub, ...rest] = argv;
  const { values: v, positionals } = parseArgs({ args: rest, allowPositionals: true, options: OPTIONS });
  switch (sub) {
    case 'init': {
      if (!v.team) throw new CliError('init: --team NAME is needed');
      const dataDir = resolve(v.data ?? process.env.ISNAD_DATA ?? '.isnad-team');
      if (!process.env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
      const db = await openDb(process.env, join(dataDir, 'pg'));
      try {
        await migrate(db);
        const { token } = await createTeam(db, v.team, v.admin ?? 'admin');
        return { team: v.team, admin: v.admin ?? 'admin', token };
      } finally {
        await db.close();
      }
    }
    case 'load': {
      if (!positionals.length) throw new CliError('load: corpus files are needed');
      return loadFiles(client(v), positionals);
    }
    case 'query': {
      const file = positionals[0];
      if (!file) throw new CliError('query: missing <file>');
      const top = v.top === undefined ? 10 : Number(v.top);
      if (!Number.isInteger(top) || top < 1 || top > 50) throw new CliError(`--top: expected a whole number from 1 to 50, got "${v.top}"`);
      const article = loadArticle(file, v.url);
      const related = await client(v).query(teamQueryFor(articleQuery(article), top));
      return {
        article: { outlet: article.outlet, title: article.title, publishedAt: article.publishedAt.value ? article.publishedAt.value.slice(0, 10) : null, url: article.url },
        related: related.map(({ id, url, outlet, title, publishedAt, score, relation, sharedEntities }) => ({ id, url, outlet, title, publishedAt, score, relation, sharedEntities })),
      };
    }
    case 'pull': {
      if (!v.out) throw new CliError('pull: --out FILE.jsonl is needed');
      const state = v.state ?? `${v.out}.seq`;
      const c = client(v);
      let after = existsSync(state) ? Number(readFileSync(state, 'utf8').trim()) || 0 : 0;
      let pulled = 0;
      let seen = existsSync(v.out) ? completeLines(v.out) : 0;
      for (;;) {
        const page = await c.changes(after, v.page ? Number(v.page) : 500);
        if (!page.reports.length) break;
        // The records first, then the sequence number they reach: a pull stopped between the two
        // fetches that page again, and the lines already written for it are skipped by their seq.
        const fresh = page.reports.filter((r) => r.seq > seen);
        if (fresh.length) {
          appendFileSync(v.out, fresh.map((r) => `${JSON.stringify({ seq: r.seq, ...r.record })}\n`).join(''));
          seen = fresh[fresh.length - 1]!.seq;
        }
        writeFileSync(`${state}.tmp`, String(page.next));
        renameSync(`${state}.tmp`, state);
        after = page.next;
        pulled += fresh.length;
      }
      return { pulled, after };
    }
    default:
      throw new CliError(`team: unknown subcommand "${sub ?? ''}"\n${usage}`);
  }
}

/**
 * The sequence number of the last complete line of a pulled file (0 when none); a line cut short
 * by a stop mid-write is dropped, to be fetched again.
 */
function completeLines(file: string): number {
  const text = readFileSync(file, 'utf8');
  const end = text.lastIndexOf('\n');
  if (end + 1 < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, end + 1)));
  if (end < 0) return 0;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  return (JSON.parse(text.slice(start, end)) as { seq: number }).seq;
}

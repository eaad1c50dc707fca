// The extension's side of the team corpus (lib/team) against a real team server (PGlite, a free
// local port): nothing sent without a server; the article's analysis sent, never its text; the
// token checked, kept in the background's own database, never handed back; sharing; a local copy
// that resumes after a kill.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type IsnadDB } from '../../../lib/db';
import { importRecords } from '../../../lib/engine/imports';
import { outletIdFromName } from '../../../lib/outlets/identity';
import { checkTeam, connectTeam, forgetTeam, matchesPull, pullStep, shareStep, teamPulls, teamRelated, teamStatus, type TeamDeps } from '../../../lib/team/actions';
import { openTeamDb, type TeamDB } from '../../../lib/team/store';
import type { Article, ReportRecord } from '../../../lib/types';
import { CAPTURE } from '../../../lib/engine/manage';
import { CAPTURED_IMPORT } from '../../../lib/team/types';
import { pgliteDb, type Db } from '../../../server/db';
import { load, real, serve } from '../server/harness';
import { reportsWhere } from '../../../lib/corpus/report-pages';

type Running = Awaited<ReturnType<typeof serve>>;

function articleOf(r: ReportRecord): Article {
  return {
    outlet: outletIdFromName(r.outlet) ?? r.outlet,
    pageType: 'article',
    url: r.url,
    canonicalUrl: null,
    archive: null,
    title: r.title,
    publishedAt: { value: r.publishedAt, precision: r.publishedAt ? 'day' : 'unknown', source: r.publishedAt ? 'meta' : 'none' } as Article['publishedAt'],
    author: null,
    section: null,
    paragraphs: r.text.split('\n').filter(Boolean),
    comments: [],
    lang: 'ar',
    dir: 'rtl',
  };
}

/** fetch, with every request kept; `fail` makes the next matching request throw (a killed worker). */
function recorder() {
  const requests: Array<{ url: string; method: string; body: string; auth: string }> = [];
  const rec = {
    requests,
    fail: null as null | ((url: string) => boolean),
    fetch: async (url: string, init: RequestInit) => {
      requests.push({ url, method: init.method ?? 'GET', body: typeof init.body === 'string' ? init.body : '', auth: String((init.headers as Record<string, string>).authorization ?? '') });
      if (rec.fail?.(url)) {
        rec.fail = null;
        throw new Error('killed');
      }
      return fetch(url, init);
    },
  };
  return rec;
}

describe('team corpus, extension side', () => {
  let pg: Db;
  let s: Running;
  let reader: string;
  let contributor: string;
  const shared = real.slice(0, 120);
  beforeAll(async () => {
    pg = await pgliteDb('memory://');
    s = await serve(pg, 'newsroom');
    await load(s.admin, shared);
    const r = await s.admin.addMember('rana', 'reader');
    reader = (await s.admin.issueToken(r.id)).token;
    const c = await s.admin.addMember('karim', 'contributor');
    contributor = (await s.admin.issueToken(c.id)).token;
  }, 180_000);
  afterAll(async () => {
    await s?.close();
    await pg?.close();
  });

  let n = 0;
  let corpus: IsnadDB;
  let teamDb: TeamDB;
  let rec: ReturnType<typeof recorder>;
  let granted: Set<string>;
  let deps: TeamDeps;
  beforeEach(() => {
    n += 1;
    corpus = openDb(`team-corpus-${n}`);
    teamDb = openTeamDb(`team-${n}`);
    rec = recorder();
    granted = new Set([`http://127.0.0.1/*`]);
    deps = { teamDb, corpus, fetch: rec.fetch, permitted: async (p) => granted.has(p) };
  });

  it("the options page's id of the captured articles is the corpus's", () => {
    expect(CAPTURED_IMPORT).toBe(CAPTURE);
  });

  it('without a server set up, sends nothing at all and shows nothing', async () => {
    expect(await teamStatus(deps)).toBeNull();
    expect(await teamRelated(deps, articleOf(real[5]!))).toBeNull();
    await expect(shareStep(deps, { importId: 'capture' })).rejects.toThrow(/no team server/);
    await expect(pullStep(deps, {})).rejects.toThrow(/no team server/);
    expect(rec.requests).toEqual([]);
  });

  it('connects only with the permission for that origin, a well-formed token and the right team', async () => {
    await expect(connectTeam(deps, { server: 'javascript:alert(1)', team: 'newsroom', token: reader })).rejects.toThrow(/^team:address/);
    await expect(connectTeam(deps, { server: `${s.url}/v1/x`, team: 'newsroom', token: reader })).rejects.toThrow(/^team:address/);
    await expect(connectTeam(deps, { server: s.url, team: 'newsroom', token: 'secret' })).rejects.toThrow(/^team:token/);
    granted.clear();
    await expect(connectTeam(deps, { server: s.url, team: 'newsroom', token: reader })).rejects.toThrow(/^team:permission/);
    expect(rec.requests).toEqual([]);
    granted.add('http://127.0.0.1/*');
    await expect(connectTeam(deps, { server: s.url, team: 'other', token: reader })).rejects.toThrow(/^team:forbidden/);
    await expect(connectTeam(deps, { server: s.url, team: 'newsroom', token: reader.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })).rejects.toThrow(/^team:unauthorized/);
    expect(await teamStatus(deps)).toBeNull();
    const status = await connectTeam(deps, { server: `${s.url}/`, team: 'newsroom', token: reader });
    expect(status).toEqual({ origin: s.url, team: 'newsroom', member: 'rana', role: 'reader', reports: shared.length, insecure: false });
    // What pages get back never holds the token; the background's own database does.
    expect(JSON.stringify(await teamStatus(deps))).not.toContain(reader.slice(6));
    expect((await teamDb.config.get('server'))?.token).toBe(reader);
    // Every request went to the server's origin, with the token, and nowhere else.
    expect(rec.requests.every((r) => r.url.startsWith(`${s.url}/v1/teams/`))).toBe(true);
  });

  it("sends the article's analysis, never its text, and gets the team's related reports in the local shape", async () => {
    await connectTeam(deps, { server: s.url, team: 'newsroom', token: reader });
    const r = shared[10]!;
    const got = await teamRelated(deps, articleOf(r));
    expect(got?.error).toBeUndefined();
    expect(got!.related.length).toBeGreaterThan(0);
    // The article itself is not among its related reports; the ids are the team's, set apart.
    expect(got!.related.some((x) => x.url === r.url)).toBe(false);
    for (const x of got!.related) {
      expect(x.id.startsWith('team:')).toBe(true);
      expect(['same-event', 'related']).toContain(x.relation);
      expect(typeof x.title).toBe('string');
    }
    const query = rec.requests.find((q) => q.url.endsWith('/query'))!;
    const body = JSON.parse(query.body) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['analysis', 'event', 'otherUrls', 'outlet', 'textKey', 'top', 'url']);
    // No sentence of the article, and not its title, travels: only stems, ids, counts and hashes.
    const sentences = r.text.split(/[.،؛\n]/).map((x) => x.trim()).filter((x) => x.split(/\s+/).length >= 4);
    expect(sentences.length).toBeGreaterThan(3);
    for (const sentence of sentences) expect(query.body).not.toContain(sentence);
    expect(query.body).not.toContain(r.title);
    // Reports the local corpus already lists are not shown twice.
    const again = await teamRelated(deps, articleOf(r), got!.related.slice(0, 2));
    expect(again!.related.map((x) => x.url)).toEqual(got!.related.slice(2).map((x) => x.url));
  });

  it('a revoked token or a permission taken back is an error beside no results; forgetting sends nothing more', async () => {
    const m = await s.admin.addMember(`temp-${n}`, 'reader');
    const t = await s.admin.issueToken(m.id);
    await connectTeam(deps, { server: s.url, team: 'newsroom', token: t.token });
    await s.admin.revoke(t.id);
    const got = await teamRelated(deps, articleOf(shared[3]!));
    expect(got).toMatchObject({ team: 'newsroom', related: [] });
    expect(got!.error).toMatch(/^team:unauthorized/);
    await expect(checkTeam(deps)).rejects.toThrow(/^team:unauthorized/);
    granted.clear();
    const before = rec.requests.length;
    expect((await teamRelated(deps, articleOf(shared[3]!)))!.error).toMatch(/^team:permission/);
    expect(rec.requests.length).toBe(before);
    expect(await forgetTeam(deps)).toBe('http://127.0.0.1/*');
    expect(await teamRelated(deps, articleOf(shared[3]!))).toBeNull();
    expect(await teamDb.config.count()).toBe(0);
    expect(rec.requests.length).toBe(before);
  });

  it('a reader may not share; a contributor shares an import, a batch a step, duplicates counted', async () => {
    const mine = real.slice(130, 150);
    const summary = await importRecords(corpus, 'mine.jsonl', mine);
    expect(summary.added).toBe(mine.length);
    await connectTeam(deps, { server: s.url, team: 'newsroom', token: reader });
    await expect(shareStep(deps, { importId: summary.importId! })).rejects.toThrow(/^team:forbidden/);
    expect(rec.requests.some((r) => r.url.endsWith('/reports'))).toBe(false);
    await connectTeam(deps, { server: s.url, team: 'newsroom', token: contributor });
    const before = (await s.admin.me()).reports;
    const step = await shareStep(deps, { importId: summary.importId! });
    expect(step).toMatchObject({ sent: mine.length, added: mine.length, duplicates: 0, next: null });
    expect((await s.admin.me()).reports).toBe(before + mine.length);
    expect(await shareStep(deps, { importId: summary.importId! })).toMatchObject({ added: 0, duplicates: mine.length });
    // The server's audit log names the contributor and the import's file.
    const added = (await s.admin.audit()).entries.filter((e) => e.action === 'reports.add' && e.detail.source === 'mine.jsonl');
    expect(added.length).toBe(1);
  });

  it('a contributor shares only the reports chosen (an id the corpus no longer holds left out); a reader may not', async () => {
    const mine = real.slice(100, 110);
    const summary = await importRecords(corpus, 'chosen.jsonl', mine);
    const ids = (await reportsWhere(corpus, { importId: summary.importId! })).filter((r) => [mine[2]!.url, mine[5]!.url, mine[7]!.url].includes(r.url)).map((r) => r.id);
    expect(ids.length).toBe(3);
    await connectTeam(deps, { server: s.url, team: 'newsroom', token: reader });
    await expect(shareStep(deps, { ids })).rejects.toThrow(/^team:forbidden/);
    await connectTeam(deps, { server: s.url, team: 'newsroom', token: contributor });
    const from = rec.requests.length;
    const step = await shareStep(deps, { ids: [...ids, 'no-such-report', ids[0]!] });
    expect(step).toMatchObject({ sent: 3, next: null });
    expect(step.added + step.duplicates).toBe(3);
    // One request, carrying those three reports and nothing else of the import.
    const sent = rec.requests.slice(from).filter((r) => r.url.endsWith('/reports'));
    expect(sent.length).toBe(1);
    const body = JSON.parse(sent[0]!.body) as { records: ReportRecord[]; source: string };
    expect(body.records.map((r) => r.url).sort()).toEqual([mine[2]!.url, mine[5]!.url, mine[7]!.url].sort());
    expect(body.source).toBe('chosen');
    await expect(shareStep(deps, { ids: Array.from({ length: 501 }, (_, i) => `r${i}`) })).rejects.toThrow(/at most 500/);
  });

  it('keeps a local copy of an outlet: resumes after a kill mid-pull, writes nothing twice, and later reads only what is new', async () => {
    await connectTeam(deps, { server: s.url, team: 'newsroom', token: reader });
    const outlet = outletIdFromName(shared[0]!.outlet)!;
    const all = (await s.admin.changes(0, 5000)).reports.map((r) => r.record);
    const wanted = all.filter((r) => matchesPull({ outlet }, r));
    expect(wanted.length).toBeGreaterThan(5);
    expect(wanted.length).toBeLessThan(all.length);
    // Small pages, so that the pull takes several steps.
    const step = (limit: number) => pullStep({ ...deps, fetch: (u, i) => rec.fetch(u.replace(/limit=\d+/, `limit=${limit}`), i) }, { outlet });
    let state = await step(40);
    expect(state).toMatchObject({ done: false, seen: 40 });
    // Killed: the next request fails (the worker or the browser stopped), and the step's row is
    // put back as it was before a step that did write (a kill between the write and the save).
    const saved = (await teamDb.pulls.toArray())[0]!;
    rec.fail = (u) => u.includes('/changes');
    await expect(step(40)).rejects.toThrow(/^team:unreachable/);
    state = await step(40);
    await teamDb.pulls.put(saved);
    for (let i = 0; i < 20 && !state.done; i++) state = await step(40);
    expect(state.done).toBe(true);
    expect(state.seen).toBe(all.length);
    expect(state.kept).toBe(wanted.length);
    expect(state.added).toBe(wanted.length);
    const local = await reportsWhere(corpus);
    expect(local.length).toBe(wanted.length);
    expect(new Set(local.map((r) => r.url))).toEqual(new Set(wanted.map((r) => r.url)));
    expect((await corpus.jobs.get(state.importId))?.status).toBe('done');
    // Run again: the feed is read from where it ended, nothing new.
    const requestsBefore = rec.requests.length;
    const again = await step(40);
    expect(again).toMatchObject({ done: true, seen: 0, added: 0 });
    const changes = rec.requests.slice(requestsBefore).filter((r) => r.url.includes('/changes'));
    expect(changes.map((r) => new URL(r.url).searchParams.get('after'))).toEqual([String(state.after)]);
    expect((await teamPulls(deps)).length).toBe(1);
  });
});

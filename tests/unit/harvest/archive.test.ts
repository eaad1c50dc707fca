import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { membersOf } from '../../../lib/harvest/archive';
import { importArchive, type ArchiveState } from '../../../lib/harvest/import-archive';
import type { HarvestedRecord } from '../../../lib/harvest/pages';
import { run as corpus } from '../../../cli/commands/corpus';
import { concat, fixture, recordBytes, standardCaptures, warcBytes, waczBytes } from './make-archive';

const parse = (html: string) => parseHTML(html).document as unknown as Document;

async function importAll(name: string, bytes: Uint8Array, opts: { anySite?: boolean; batch?: number } = {}) {
  const stored: HarvestedRecord[] = [];
  const members = await membersOf(name, new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const state = await importArchive(members, {
    file: name,
    parse,
    ...opts,
    sink: async (records) => {
      stored.push(...records);
      return { added: records.length, duplicates: 0 };
    },
  });
  return { stored, state };
}

/** The archive of the issue: fixture pages, a binary asset, a redirect, a truncated record last. */
async function standardWarc(gzip: boolean): Promise<Uint8Array> {
  const whole = await warcBytes(standardCaptures(), gzip);
  const last = await recordBytes({ url: fixture('idlib24-1').url.replace('idlib24.test', 'orient-news.net'), date: '2018-01-01T00:00:00Z', body: fixture('idlib24-1').html }, gzip);
  return concat([whole, last.subarray(0, Math.floor(last.byteLength * 0.6))]);
}

const ARTICLES = [fixture('orient-news-1').url, fixture('shaam-1').url, 'http://www.eremnews.com/news/arab-world/318546'];

function expectStandard(stored: HarvestedRecord[], state: ArchiveState) {
  expect(stored.map((r) => r.url)).toEqual(ARTICLES);
  expect(stored.map((r) => r.outlet)).toEqual(['orient-news', 'shaam', 'eremnews']);
  // Capture times: the WARC's date, or the archive copy's own timestamp.
  expect(stored.map((r) => r.capturedAt)).toEqual(['2015-03-02T10:11:12Z', '2016-05-06T07:08:09Z', '2015-08-06T12:05:44Z']);
  expect(stored[2]!.archiveUrl).toMatch(/^https:\/\/web\.archive\.org\/web\/20150806120544\//);
  for (const r of stored) {
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.text.length).toBeGreaterThan(200);
  }
  expect(stored[0]!.title).toBe((fixture('orient-news-1').expected.expected as { title: string }).title);
  expect(state.articles).toBe(3);
  expect(state.skipped).toEqual({ listing: 1, 'not-html': 1, redirect: 1, 'other-site': 1 });
  expect(state.log.map((s) => s.kind)).toEqual(['listing', 'not-html', 'redirect', 'other-site']);
  expect(state.log.find((s) => s.kind === 'not-html')!.reason).toBe('not HTML (image/png)');
  expect(state.problems).toHaveLength(1);
  expect(state.problems[0]!.reason).toMatch(/truncated/);
  expect(state.checkpoint).toBeNull();
}

describe('web archive import', () => {
  it('imports exactly the articles of a WARC, with capture times; skips the rest by kind; names the truncated record', async () => {
    const { stored, state } = await importAll('test.warc', await standardWarc(false));
    expectStandard(stored, state);
    // warcinfo + request/response pairs: every whole record counted (the cut one is a problem).
    expect(state.records).toBe(1 + 7 * 2);
    // Uncompressed, the record is named by its URL and how much of it is missing.
    expect(state.problems[0]!.reason).toMatch(/orient-news\.net\/news\/300-fighters is truncated \(\d+ bytes missing\)/);
  });

  it('reads a gzipped WARC (one gzip member a record) the same way', async () => {
    const { stored, state } = await importAll('test.warc.gz', await standardWarc(true));
    expectStandard(stored, state);
  });

  it('reads WACZ files, stored or deflated, WARC by WARC', async () => {
    for (const deflate of [false, true]) {
      const wacz = await waczBytes({ 'data.warc.gz': await standardWarc(true) }, { deflate });
      const { stored, state } = await importAll('test.wacz', wacz);
      expectStandard(stored, state);
      expect(state.problems[0]!.file).toBe('test.wacz › archive/data.warc.gz');
    }
  });

  it('takes every site when asked', async () => {
    const { stored } = await importAll('test.warc', await warcBytes(standardCaptures()), { anySite: true });
    expect(stored.map((r) => r.url)).toEqual([...ARTICLES.slice(0, 2), ARTICLES[2], 'https://example.org/blog/post']);
  });

  it('names a file that is not an archive, or a WACZ without WARCs', async () => {
    await expect(membersOf('x.wacz', new Blob([new Uint8Array([1, 2, 3])]))).rejects.toThrow(/x\.wacz: not a readable WACZ/);
    await expect(membersOf('x.zip', new Blob([]))).rejects.toThrow(/not a web archive/);
    const empty = await waczBytes({});
    await expect(membersOf('e.wacz', new Blob([empty as Uint8Array<ArrayBuffer>]))).rejects.toThrow(/no WARC files/);
  });

  it('resumes from the checkpoint of a stopped import, in a seekable WARC and a deflated WACZ, without loss or doubles', async () => {
    const cases: Array<[string, Uint8Array]> = [
      ['test.warc.gz', await standardWarc(true)],
      ['test.warc', await standardWarc(false)],
      ['test.wacz', await waczBytes({ 'a.warc': await warcBytes(standardCaptures().slice(0, 3)), 'b.warc.gz': await standardWarc(true) }, { deflate: true })],
    ];
    for (const [name, bytes] of cases) {
      const members = await membersOf(name, new Blob([bytes as Uint8Array<ArrayBuffer>]));
      const all: HarvestedRecord[] = [];
      let saved: ArchiveState | undefined;
      let stops = 0;
      // Stop after every stored batch of one record, then go on from the saved state.
      for (let guard = 0; guard < 40; guard++) {
        const ac = new AbortController();
        const state = await importArchive(members, {
          file: name,
          parse,
          batch: 1,
          state: saved,
          signal: ac.signal,
          sink: async (records, s) => {
            all.push(...records);
            saved = structuredClone({ ...s, added: s.added + records.length });
            if (records.length) ac.abort();
            return { added: records.length, duplicates: 0 };
          },
        });
        if (state.checkpoint === null) break;
        stops++;
        saved = state;
      }
      const expected = name === 'test.wacz' ? [ARTICLES[0], ...ARTICLES] : ARTICLES;
      expect(all.map((r) => r.url), name).toEqual(expected);
      expect(stops, name).toBeGreaterThanOrEqual(expected.length - 1);
      expect(saved!.added, name).toBe(expected.length);
    }
  });
});

describe('corpus import on the command line', () => {
  it('imports a .warc.gz into the store; importing it again adds nothing and counts duplicates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-warc-'));
    const file = join(dir, 'site.warc.gz');
    writeFileSync(file, await standardWarc(true));
    const store = join(dir, 'corpus.jsonl');
    const first = (await corpus(['import', file, '--store', store])) as { archives: Array<Record<string, unknown>> };
    expect(first.archives[0]).toMatchObject({ added: 3, duplicates: 0, articles: 3, done: true, resumed: false });
    const rows = readFileSync(store, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as HarvestedRecord);
    expect(rows.map((r) => r.url)).toEqual(ARTICLES);
    expect(rows[0]!.capturedAt).toBe('2015-03-02T10:11:12Z');
    // No state file is left once the archive is read to its end.
    expect(existsSync(join(dir, 'runs')) ? readdirSync(join(dir, 'runs')) : []).toEqual([]);
    const again = (await corpus(['import', file, '--store', store])) as { archives: Array<Record<string, unknown>> };
    expect(again.archives[0]).toMatchObject({ added: 0, duplicates: 3 });
    expect(readFileSync(store, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});

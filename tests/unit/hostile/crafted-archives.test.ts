// Issue 18: web archives written by an attacker, generated here (nothing large is committed). Each
// must end in one problem naming the file, the record's offset and the reason, in bounded time and
// memory, with the good records — before the bad one and, in a seekable WARC, after it — kept.
// Bounded memory is shown by how much of a generated 200 MB stream was read, not by a clock.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { run as corpus } from '../../../cli/commands/corpus';
import { membersOf, readArchive, type Member } from '../../../lib/harvest/archive';
import { importArchive } from '../../../lib/harvest/import-archive';
import { recordFromPage, type HarvestedRecord } from '../../../lib/harvest/pages';
import { HEADER_MAX } from '../../../lib/harvest/warc-reader';
import { MAX_ENTRIES } from '../../../lib/harvest/wacz';
import { concat, fixture, gzipOf, recordBytes, warcBytes, warcHead as head, waczBytes } from '../harvest/make-archive';

const enc = new TextEncoder();
const MB = 1024 * 1024;
const parse = (html: string) => parseHTML(html).document as unknown as Document;
const orient = fixture('orient-news-1');
const shaam = fixture('shaam-1');
const blob = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>]);

/** The first good part: warcinfo, and Orient's article as request and response. */
const before = (gzip: boolean) => warcBytes([{ url: orient.url, date: '2015-03-02T10:11:12Z', body: orient.html }], gzip);
/** The good record after the bad one: Shaam's article. */
const after = (gzip: boolean) => recordBytes({ url: shaam.url, date: '2016-05-06T07:08:09Z', body: shaam.html }, gzip);

async function importBytes(name: string, members: Member[]) {
  const stored: HarvestedRecord[] = [];
  const state = await importArchive(members, {
    file: name,
    parse,
    sink: async (records) => {
      stored.push(...records);
      return { added: records.length, duplicates: 0 };
    },
  });
  return { urls: stored.map((r) => r.url), state };
}

const importFile = async (name: string, bytes: Uint8Array) => importBytes(name, await membersOf(name, blob(bytes)));

/**
 * A WARC that is never held: generated as it is read (`repeat` parts yield the same chunk
 * `times` times), not seekable. `pulled` says how many bytes were read of it.
 */
function streamed(name: string, parts: Array<Uint8Array | { repeat: Uint8Array; times: number }>) {
  let pulled = 0;
  const size = parts.reduce((n, p) => n + ('repeat' in p ? p.repeat.byteLength * p.times : p.byteLength), 0);
  const stream = async () => {
    let i = 0;
    let k = 0;
    return new ReadableStream<Uint8Array>({
      pull(c) {
        const p = parts[i];
        if (!p) return c.close();
        const chunk = 'repeat' in p ? p.repeat : p;
        if (!('repeat' in p) || ++k >= p.times) {
          i++;
          k = 0;
        }
        pulled += chunk.byteLength;
        c.enqueue(chunk);
      },
    });
  };
  return { member: { name, size, slice: null, stream } satisfies Member, pulled: () => pulled };
}

describe('crafted WARC files', () => {
  it('a header line of 200 MB: one problem, read no further than its bound, the record before kept', async () => {
    const good = await before(false);
    const line = new Uint8Array(MB).fill(0x41);
    const { member, pulled } = streamed('long-line.warc', [good, enc.encode('WARC/1.1\r\nWARC-Type: response\r\nX-Long: '), { repeat: line, times: 200 }, enc.encode('\r\n\r\n')]);
    const { urls, state } = await importBytes('long-line.warc', [member]);
    expect(urls).toEqual([orient.url]);
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]).toMatchObject({ file: 'long-line.warc', reason: expect.stringMatching(/headers run past 1 MB/) });
    // Named where the bad record begins (after the good one's last bytes).
    expect(state.problems[0]!.offset).toBeGreaterThanOrEqual(good.byteLength - 4);
    expect(state.problems[0]!.offset).toBeLessThanOrEqual(good.byteLength);
    // Of the 200 MB, about the bound was read (warcio alone read all of it, then took it for a record).
    expect(pulled()).toBeLessThan(HEADER_MAX + 2 * MB);
  });

  it('in a seekable WARC, the records after a bad one are read too: long header, headers that never end, a first line or length that is not WARC’s', async () => {
    const long = concat([enc.encode('WARC/1.1\r\nWARC-Type: response\r\nX-Long: '), new Uint8Array(3 * MB).fill(0x41), enc.encode('\r\n\r\n')]);
    const bads: Array<[string, Uint8Array, RegExp]> = [
      ['long header', long, /headers run past 1 MB/],
      ['no end of headers', concat([enc.encode('WARC/1.1\r\nWARC-Type: response\r\n'), enc.encode('X-A: b\r\n'.repeat(200_000))]), /headers run past 1 MB/],
      ['HTTP first line', concat([head({ length: 5, first: 'HTTP/1.1 200 OK' }), enc.encode('hello\r\n\r\n')]), /not a WARC record: its first line is "HTTP\/1\.1 200 OK"/],
      ['negative length', concat([head({ length: '-5' }), enc.encode('hello\r\n\r\n')]), /Content-Length "-5" is not a number of bytes/],
      ['length in words', concat([head({ length: 'lots' }), enc.encode('hello\r\n\r\n')]), /Content-Length "lots" is not a number/],
    ];
    for (const [what, bad, reason] of bads) {
      const good = await before(false);
      const { urls, state } = await importFile('crafted.warc', concat([good, bad, await after(false)]));
      expect(urls, what).toEqual([orient.url, shaam.url]);
      expect(state.problems, what).toHaveLength(1);
      expect(state.problems[0], what).toMatchObject({ file: 'crafted.warc', offset: good.byteLength, reason: expect.stringMatching(reason) });
      expect(state.problems[0]!.reason, what).toMatch(new RegExp(`read on from the next record, at byte ${good.byteLength + bad.byteLength}`));
    }
  });

  it('a record claiming a Content-Length far beyond the file, plain and gzipped: named, the records after it kept', async () => {
    for (const gzip of [false, true]) {
      const bad = concat([head({ length: 1e12 }), enc.encode('<html><body>short</body></html>\r\n\r\n')]);
      const good = await before(gzip);
      const name = gzip ? 'claims.warc.gz' : 'claims.warc';
      const { urls, state } = await importFile(name, concat([good, gzip ? gzipSync(bad) : bad, await after(gzip)]));
      expect(urls, name).toEqual([orient.url, shaam.url]);
      expect(state.problems, name).toHaveLength(1);
      expect(state.problems[0], name).toMatchObject({ file: name, offset: good.byteLength, reason: expect.stringMatching(/truncated \(\d+ bytes missing\)/) });
    }
  });

  it('a gzip member cut short between good ones: named, the record after it kept', async () => {
    const cut = gzipSync(concat([head({ length: orient.html.length }), enc.encode(orient.html), enc.encode('\r\n\r\n')]));
    const good = await before(true);
    const { urls, state } = await importFile('cut.warc.gz', concat([good, cut.subarray(0, cut.byteLength >> 1), await after(true)]));
    expect(urls).toEqual([orient.url, shaam.url]);
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]!.offset).toBe(good.byteLength);
  });

  it('a gzip bomb (130 KB inflating to 128 MB) stops at the ratio, not at its end; the record after it kept', async () => {
    const bomb = await gzipOf([head({ length: 128 * MB, contentType: 'application/octet-stream' }), { zeros: 128 * MB }, enc.encode('\r\n\r\n')]);
    expect(bomb.byteLength).toBeLessThan(MB);
    const good = await before(true);
    const { urls, state } = await importFile('bomb.warc.gz', concat([good, bomb, await after(true)]));
    expect(urls).toEqual([orient.url, shaam.url]);
    expect(state.problems).toEqual([{ file: 'bomb.warc.gz', offset: good.byteLength, reason: expect.stringMatching(/inflated to more than 64 MB \(over 200 times: a compression bomb\)/) }]);
  });

  it('an HTML payload of 50 MB is skipped as too large, read through without being held; the records around it kept', async () => {
    const size = 50 * MB;
    const url = 'https://www.orient-news.net/ar/news_show/2/huge';
    const http = enc.encode('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n');
    const { member } = streamed('huge.warc', [
      await before(false),
      head({ length: http.byteLength + size, type: 'response', url, contentType: 'application/http; msgtype=response' }),
      http,
      { repeat: new Uint8Array(MB).fill(0x61), times: 50 },
      enc.encode('\r\n\r\n'),
      await after(false),
    ]);
    const { urls, state } = await importBytes('huge.warc', [member]);
    expect(urls).toEqual([orient.url, shaam.url]);
    expect(state.problems).toEqual([]);
    expect(state.log.find((s) => s.url === url)).toMatchObject({ kind: 'too-large', reason: 'page larger than 8 MB' });
  });

  it('a page of 500,000 elements is skipped unparsed, one of 40,000 after parsing; the records around them kept', async () => {
    const url = 'https://www.orient-news.net/ar/news_show/5/huge';
    const huge = `<html><head><title>عنوان</title></head><body><article>${'<div><span>كلمة</span></div>'.repeat(125_000)}</article></body></html>`;
    let parsed = 0;
    const counting = (html: string) => {
      parsed++;
      return parse(html);
    };
    // Once: 32 s of the command line's time for this one page.
    expect(recordFromPage(huge, url, null, counting)).toEqual({ kind: 'too-large', url, reason: 'page of more than 30,000 elements' });
    expect(parsed).toBe(0);
    const unclosed = `<html><body><article>${'<p>كلمة '.repeat(40_000)}</article></body></html>`;
    expect(recordFromPage(unclosed, url, null, counting)).toMatchObject({ kind: 'too-large' });
    expect(parsed).toBe(1);
    const { urls, state } = await importFile('elements.warc', concat([await before(false), await recordBytes({ url, date: '2015-03-02T10:11:12Z', body: huge }, false), await after(false)]));
    expect(urls).toEqual([orient.url, shaam.url]);
    expect(state.log.find((s) => s.url === url)).toMatchObject({ kind: 'too-large' });
  });

  it('through the command line: exit 0, the problem named by file, offset and reason, the good records stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-crafted-warc-'));
    const file = join(dir, 'bomb.warc.gz');
    const good = await before(true);
    writeFileSync(file, concat([good, await gzipOf([head({ length: 128 * MB }), { zeros: 128 * MB }]), await after(true)]));
    const store = join(dir, 'corpus.jsonl');
    const out = (await corpus(['import', file, '--store', store])) as { archives: Array<{ added: number; problems: Array<{ file: string; offset: number; reason: string }> }> };
    expect(out.archives[0]!.added).toBe(2);
    expect(out.archives[0]!.problems).toEqual([{ file: 'bomb.warc.gz', offset: good.byteLength, reason: expect.stringMatching(/compression bomb/) }]);
    expect(readFileSync(store, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { url: string }).url)).toEqual([orient.url, shaam.url]);
  });
});

/** The central directory of a zip: each entry's record offset, name and fields (little-endian). */
function central(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  const entries: Array<{ at: number; length: number; name: string }> = [];
  for (let at = view.getUint32(eocd + 16, true), i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const length = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    entries.push({ at, length, name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)) });
    at += length;
  }
  return { view, eocd, entries };
}

/** A zip of `n` empty stored entries (pages/<i>.json), written by hand: zip.js takes seconds for 10,000. */
function emptyEntries(n: number): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const name = enc.encode(`pages/${i}.json`);
    const local = new Uint8Array(30 + name.byteLength);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(26, name.byteLength, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.byteLength);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(28, name.byteLength, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    locals.push(local);
    centrals.push(cd);
    offset += local.byteLength;
  }
  const dir = concat(centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, n, true);
  ev.setUint16(10, n, true);
  ev.setUint32(12, dir.byteLength, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, dir, end]);
}

describe('crafted WACZ files', () => {
  const warc = async () => concat([await before(true), await after(true)]);

  it(`more than ${MAX_ENTRIES.toLocaleString('en')} entries: refused before all are listed`, async () => {
    await expect(membersOf('many.wacz', blob(emptyEntries(MAX_ENTRIES + 1)))).rejects.toThrow(/many\.wacz: more than 10,000 entries/);
    // (One fewer is listed, and then found to hold no WARC.)
    await expect(membersOf('many.wacz', blob(emptyEntries(MAX_ENTRIES)))).rejects.toThrow(/no WARC files/);
  });

  it('two entries sharing bytes (a zip bomb of overlapping files): refused', async () => {
    const wacz = await waczBytes({ 'a.warc.gz': await warc() });
    const { view, eocd, entries } = central(wacz);
    const a = entries.find((e) => e.name === 'archive/a.warc.gz')!;
    const copy = wacz.slice(a.at, a.at + a.length);
    copy.set(enc.encode('archive/b.warc.gz'), 46);
    const end = wacz.slice(eocd);
    const endView = new DataView(end.buffer);
    endView.setUint16(8, view.getUint16(eocd + 8, true) + 1, true);
    endView.setUint16(10, view.getUint16(eocd + 10, true) + 1, true);
    endView.setUint32(12, view.getUint32(eocd + 12, true) + copy.byteLength, true);
    const bomb = concat([wacz.subarray(0, eocd), copy, end]);
    await expect(membersOf('overlap.wacz', blob(bomb))).rejects.toThrow(/archive\/a\.warc\.gz and archive\/b\.warc\.gz share bytes/);
  });

  it('an entry pointing outside the file, or inflating past its declared size: one problem for it, the other WARC read', async () => {
    for (const [what, deflate, patch, reason] of [
      ['outside', false, (v: DataView, at: number) => v.setUint32(at + 42, 0x7fffffff, true), /not read: it has no entry at byte 2147483647/],
      ['declared size', true, (v: DataView, at: number) => v.setUint32(at + 24, 100, true), /archive\/bad\.warc\.gz/],
    ] as const) {
      const wacz = await waczBytes({ 'bad.warc.gz': await warc(), 'good.warc.gz': await warc() }, { deflate });
      const { view, entries } = central(wacz);
      patch(view, entries.find((e) => e.name === 'archive/bad.warc.gz')!.at);
      const { urls, state } = await importFile('crafted.wacz', wacz);
      expect(urls, what).toEqual([orient.url, shaam.url]);
      expect(state.problems, what).toHaveLength(1);
      expect(state.problems[0]!.file, what).toBe('crafted.wacz › archive/bad.warc.gz');
      expect(`${state.problems[0]!.file} ${state.problems[0]!.reason}`, what).toMatch(reason);
    }
  });

  it('a name that climbs out of its folder: the file refused, named; a WARC in a subfolder is not one of archive/; control and direction characters are not shown', async () => {
    await expect(membersOf('climb.wacz', blob(await waczBytes({ '../../../etc/evil.warc.gz': await warc() })))).rejects.toThrow(/climb\.wacz: not a readable WACZ/);
    const wacz = await waczBytes({ 'sub/x.warc': await warc(), '\u202eevil\u0007.warc.gz': await warc() });
    const members = await membersOf('names.wacz', blob(wacz));
    expect(members.map((m) => m.name)).toEqual(['archive/?evil?.warc.gz']);
  });

  it('a CDX index pointing outside the file is not read: the records are found by reading the WARCs', async () => {
    const cdx = `org,orient-news)/ 20150302101112 {"url": "${orient.url}", "offset": 99999999999, "length": 99999999999, "filename": "../../../etc/passwd"}\n`;
    const wacz = await waczBytes({ 'data.warc.gz': await warc() }, { files: { 'indexes/index.cdx': enc.encode(cdx) } });
    const { urls, state } = await importFile('cdx.wacz', wacz);
    expect(urls).toEqual([orient.url, shaam.url]);
    expect(state.problems).toEqual([]);
  });
});

describe('reading stays bounded per WARC', () => {
  it('a WARC of nothing but bad records names 100 and skips the rest', async () => {
    const bad = concat([head({ length: 'x' }), enc.encode('hello\r\n\r\n')]);
    const events = [];
    const members = await membersOf('bad.warc', blob(concat(Array.from({ length: 300 }, () => bad))));
    for await (const ev of readArchive(members)) events.push(ev);
    const bads = events.filter((e) => e.kind === 'bad');
    expect(bads).toHaveLength(100);
    expect(bads.at(-1)!.reason).toMatch(/100 problems in this WARC: the rest of this WARC is skipped/);
  });
});

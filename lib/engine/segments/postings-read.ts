// A query's reads of the segments (segments/store.ts holds them and their cache): the manifest,
// each live segment's term index, then the blocks of the query's terms, in one transaction, all
// requests of a step sent before the first answer is awaited; and the term indexes read ahead as a
// worker starts (warm.ts readAhead).
import type { IsnadDB } from '../../db';
import { readOnly, result } from '../raw-reads';
import { decoding, readClock, type ReadWaits } from '../query-phases';
import { blocksFor } from './dictionary';
import { checkManifest, MANIFEST_KEY, type Manifest } from './manifest';
import { postingsIn } from './postings';
import { cacheOf, FIRST_BLOCK, loadBlock, loadIndex, type Getter, type SegRow, type TermPostings } from './store';

/** The term indexes being read ahead (readIndexesAhead), by database. */
const ahead = new WeakMap<object, Promise<unknown>>();

/**
 * The manifest and every live segment's term index, read into the segment cache: what a worker
 * asks for as it starts (warm.ts readAhead), before the message that woke it is handled. A postings
 * read begun meanwhile waits for it, then finds the indexes cached: each is asked for once.
 */
export function readIndexesAhead(db: IsnadDB): Promise<Manifest> {
  const read = readNow(db, [], readClock()).then((r) => r.meta);
  ahead.set(db, read);
  const done = () => {
    if (ahead.get(db) === read) ahead.delete(db);
  };
  read.then(done, done);
  return read;
}

/**
 * The postings of terms in every live segment, with the manifest, read in one transaction: the
 * manifest, then the segments' term indexes, then the blocks holding the terms. A read ahead of
 * the term indexes under way is waited for first, outside the transaction: a transaction waiting
 * for another's request, with none of its own pending, would commit before asking for its blocks.
 */
export async function readPostings(db: IsnadDB, terms: readonly string[]): Promise<{ meta: Manifest; postings: Map<string, TermPostings>; blocks: number; waits: ReadWaits }> {
  const clock = readClock();
  const before = ahead.get(db);
  if (before) {
    await before.catch(() => undefined); // its failure is this read's to meet again, and tell
    clock.step('dicts');
  }
  return readNow(db, terms, clock);
}

async function readNow(db: IsnadDB, terms: readonly string[], clock: ReturnType<typeof readClock>): Promise<{ meta: Manifest; postings: Map<string, TermPostings>; blocks: number; waits: ReadWaits }> {
  const tx = await readOnly(db, ['segs', 'meta']);
  clock.step('open');
  const store = tx.objectStore('segs');
  const get: Getter = (s, k) => {
    clock.waits.fetched++;
    return result(store.get([s, k]) as IDBRequest<SegRow | undefined>);
  };
  const meta = checkManifest(await result(tx.objectStore('meta').get(MANIFEST_KEY)));
  clock.step('manifest');
  cacheOf(db).keepOnly(meta.segs.map((x) => x.s));
  const indexes = await Promise.all(meta.segs.map((x) => loadIndex(db, x.s, get)));
  clock.step('dicts');
  const wanted = indexes.map((ix) => blocksFor(ix, terms));
  const blocks = await Promise.all(meta.segs.map((x, i) => Promise.all([...wanted[i]!.keys()].map((b) => loadBlock(db, x.s, FIRST_BLOCK + b, get)))));
  clock.step('blockReads');
  const postings = new Map<string, TermPostings>(terms.map((t) => [t, { df: 0, saturated: false, parts: [] }]));
  let read = 0;
  decoding(() => wanted.forEach((want, i) => {
    [...want.values()].forEach((ts, j) => {
      read++;
      const block = blocks[i]![j]!;
      for (const t of ts) {
        const p = postingsIn(block, t);
        if (!p) continue;
        const out = postings.get(t)!;
        out.df += p.df;
        if (p.saturated) out.saturated = true;
        else out.parts.push({ ids: p.ids, imp: p.imp });
      }
    });
  }));
  return { meta, postings, blocks: read, waits: clock.waits };
}

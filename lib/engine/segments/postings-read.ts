// A query's reads of the segments (segments/store.ts holds them and their cache): the manifest,
// each live segment's term index, then the blocks of the query's terms, in one transaction, all
// requests of a step sent before the first answer is awaited — in a running worker the blocks of
// the segments its last manifest listed beside the manifest (readNow); and the term indexes read
// ahead as a worker starts (warm.ts readAhead).
import type { IsnadDB } from '../../db';
import { readOnly, result } from '../raw-reads';
import { decoding, readClock, type ReadWaits } from '../query-phases';
import { blocksFor, type TermIndex } from './dictionary';
import { checkManifest, MANIFEST_KEY, type Manifest } from './manifest';
import { postingsIn, type PostingsBlock } from './postings';
import { cachedIndex, cacheOf, FIRST_BLOCK, loadBlock, loadIndex, type Getter, type SegRow, type TermPostings } from './store';

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

/** The live segments of the last manifest read, by database: the next read asks for their blocks
 *  beside the manifest (readNow). */
const lastSegs = new WeakMap<object, readonly number[]>();

/** The blocks of `terms` in segments `segs` (which of each segment's blocks hold which terms, and
 *  the blocks read or found cached), by their term indexes. */
interface BlocksAsked {
  segs: readonly number[];
  wanted: Array<Map<number, string[]>>;
  blocks: Promise<PostingsBlock[][]>;
}

function askBlocks(db: object, segs: readonly number[], indexes: readonly TermIndex[], terms: readonly string[], get: Getter): BlocksAsked {
  const wanted = indexes.map((ix) => blocksFor(ix, terms));
  const blocks = Promise.all(segs.map((s, i) => Promise.all([...wanted[i]!.keys()].map((b) => loadBlock(db, s, FIRST_BLOCK + b, get)))));
  return { segs, wanted, blocks };
}

/** The blocks of the segments the last manifest listed, asked for now when every one's term index
 *  is cached (else null: nothing asked). */
function askBlocksAhead(db: object, terms: readonly string[], get: Getter): BlocksAsked | null {
  const segs = lastSegs.get(db);
  if (!segs || terms.length === 0) return null;
  const indexes = segs.map((s) => cachedIndex(db, s));
  if (!indexes.every((ix): ix is TermIndex => !!ix)) return null;
  const asked = askBlocks(db, segs, indexes, terms, get);
  asked.blocks.catch(() => undefined); // a segment merged away meanwhile: its rows are gone, the blocks unused
  return asked;
}

const sameSegs = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((s, i) => s === b[i]);

async function readNow(db: IsnadDB, terms: readonly string[], clock: ReturnType<typeof readClock>): Promise<{ meta: Manifest; postings: Map<string, TermPostings>; blocks: number; waits: ReadWaits }> {
  const tx = await readOnly(db, ['segs', 'meta']);
  clock.step('open');
  const store = tx.objectStore('segs');
  const get: Getter = (s, k) => {
    clock.waits.fetched++;
    return result(store.get([s, k]) as IDBRequest<SegRow | undefined>);
  };
  const manifest = result(tx.objectStore('meta').get(MANIFEST_KEY));
  // Segments never change: the blocks of the segments the last manifest listed are asked for
  // beside the manifest, in the same transaction, and are this read's whenever the manifest lists
  // the same segments (all but the first read after a merge): a warm query waited for the manifest,
  // then for its blocks, one round trip more.
  const ahead = askBlocksAhead(db, terms, get);
  const meta = checkManifest(await manifest);
  clock.step('manifest');
  const segs = meta.segs.map((x) => x.s);
  lastSegs.set(db, segs);
  cacheOf(db).keepOnly(segs);
  let asked = ahead && sameSegs(ahead.segs, segs) ? ahead : null;
  if (!asked) {
    const indexes = await Promise.all(segs.map((s) => loadIndex(db, s, get)));
    clock.step('dicts');
    asked = askBlocks(db, segs, indexes, terms, get);
  }
  const { wanted } = asked;
  const blocks = await asked.blocks;
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

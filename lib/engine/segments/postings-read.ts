// A query's reads of the segments (segments/store.ts holds them and their cache): the manifest,
// each live segment's term index, then the blocks of the query's terms, in one transaction, all
// requests of a step sent before the first answer is awaited — in a running worker the blocks of
// the segments its last manifest listed beside the manifest (readNow); and the term indexes read
// ahead as a worker starts (warm.ts readAhead).
import type { IsnadDB } from '../../db';
import { readOnly, result } from '../raw-reads';
import { decoding, readClock, type ReadWaits } from '../query-phases';
import { blocksFor, encodeIndex, type TermIndex } from './dictionary';
import { checkManifest, MANIFEST_KEY, type Manifest } from './manifest';
import { copiesBySegment, putIndexCopy } from './index-copies';
import { postingsIn, type PostingsBlock } from './postings';
import { cachedIndex, cacheOf, FIRST_BLOCK, INDEX_ROW, loadBlock, loadIndex, readManifest, type Getter, type SegRow, type TermPostings } from './store';

type Read = { meta: Manifest; postings: Map<string, TermPostings>; blocks: number; waits: ReadWaits };

/** The read ahead under way (readIndexesAhead), by database: the terms a lookup joined to it (their
 *  blocks asked in its transaction as soon as the term indexes are in), whether it has asked for
 *  its blocks yet (terms joined after that are not), and its result. */
interface Ahead {
  terms: string[];
  asked: boolean;
  /** Whether its manifest has been asked, and with its term indexes' copies beside it. */
  begun: boolean;
  copies: boolean;
  /** Whether its manifest's answer has been handled (its term indexes or its blocks asked). */
  manifest: boolean;
  read: Promise<Read>;
}
const ahead = new WeakMap<object, Ahead>();

/**
 * The manifest and every live segment's term index, read into the segment cache: what a worker
 * asks for as it starts (warm.ts readAhead), before the message that woke it is handled. A lookup
 * begun meanwhile joins its terms to it (askPostings) while it has not asked for its blocks yet,
 * else waits for it and finds the indexes cached: each is asked for once.
 */
export function readIndexesAhead(db: IsnadDB): Promise<Manifest> {
  const state: Ahead = { terms: [], asked: false, begun: false, copies: false, manifest: false, read: Promise.resolve(null as unknown as Read) };
  const onBegin = (copies: boolean) => ((state.begun = true), (state.copies = copies));
  state.read = readNow(db, state.terms, readClock(), { onAsk: () => (state.asked = true), onBegin, onManifest: () => (state.manifest = true) });
  ahead.set(db, state);
  const done = () => {
    if (ahead.get(db) === state) ahead.delete(db);
  };
  state.read.then(done, done);
  return state.read.then((r) => r.meta);
}

/** A postings read begun before its terms were all known (askPostings): more terms added to it
 *  (false: no longer possible), then its result. */
export interface EarlyRead {
  add(terms: readonly string[]): boolean;
  result(): Promise<Read>;
}

/** Whether a read ahead is under way whose next request waits for this thread: its manifest not
 *  asked yet (the connection's answer not handled), or, where its term indexes' copies were not
 *  asked with it, its manifest's answer not handled (its term indexes not asked). A lookup lets it
 *  go on first (reader.ts settle). Not while the manifest and the copies are in flight: their
 *  answer handled asks the blocks of the terms joined by then, and the lookup's join as its
 *  analysis ends. */
export function manifestPending(db: object): boolean {
  const a = ahead.get(db);
  return !!a && (!a.begun || (!a.copies && !a.manifest));
}

/**
 * The postings of terms in every live segment, with the manifest, read in one transaction: the
 * manifest, then the segments' term indexes, then the blocks holding the terms. A read ahead of
 * the term indexes under way is waited for first, outside the transaction: a transaction waiting
 * for another's request, with none of its own pending, would commit before asking for its blocks.
 * `early`: the read ahead a lookup joined (askPostings): the terms not joined yet are added to it;
 * where that is no longer possible, or it fails, the terms are read anew.
 */
export async function readPostings(db: IsnadDB, terms: readonly string[], early?: EarlyRead | null): Promise<Read> {
  if (early && early.add(terms)) {
    try {
      return await early.result();
    } catch {
      // read anew below: a failure of its own is met again, and told
    }
  }
  const clock = readClock();
  const before = ahead.get(db);
  if (before) {
    await before.read.catch(() => undefined); // its failure is this read's to meet again, and tell
    clock.step('dicts');
  }
  return readNow(db, [...terms], clock);
}

/** The live segments of the last manifest read, by database: the next read asks for their blocks
 *  beside the manifest (readNow). */
const lastSegs = new WeakMap<object, readonly number[]>();

/** The blocks of `terms` in segments `segs` (which of each segment's blocks hold which terms, and
 *  each block read or found cached), by their term indexes. */
interface BlocksAsked {
  segs: readonly number[];
  wanted: Array<Map<number, { terms: string[]; block: Promise<PostingsBlock> }>>;
}

function askBlocks(db: object, segs: readonly number[], indexes: readonly TermIndex[], terms: readonly string[], get: Getter): BlocksAsked {
  const asked: BlocksAsked = { segs, wanted: segs.map(() => new Map()) };
  addTerms(db, asked, indexes, terms, get);
  return asked;
}

/** `terms` added to the blocks asked: a block not asked yet is asked now. */
function addTerms(db: object, asked: BlocksAsked, indexes: readonly TermIndex[], terms: readonly string[], get: Getter): void {
  asked.segs.forEach((s, i) => {
    const want = asked.wanted[i]!;
    for (const [b, ts] of blocksFor(indexes[i]!, terms)) {
      const had = want.get(b);
      if (had) for (const t of ts) had.terms.push(t);
      else {
        const block = loadBlock(db, s, FIRST_BLOCK + b, get);
        block.catch(() => undefined); // awaited by complete(), which tells its failure
        want.set(b, { terms: ts, block });
      }
    }
  });
}

/** The term indexes of the segments the last manifest listed, when every one is cached. */
function lastIndexes(db: object): { segs: readonly number[]; indexes: TermIndex[] } | null {
  const segs = lastSegs.get(db);
  if (!segs) return null;
  const indexes = segs.map((s) => cachedIndex(db, s));
  return indexes.every((ix): ix is TermIndex => !!ix) ? { segs, indexes } : null;
}

/** The blocks of the segments the last manifest listed, asked for now when every one's term index
 *  is cached (else null: nothing asked). */
function askBlocksAhead(db: object, terms: readonly string[], get: Getter): BlocksAsked | null {
  const last = lastIndexes(db);
  if (!last || terms.length === 0) return null;
  // A segment merged away meanwhile: its rows are gone, the blocks unused (complete() reads again).
  return askBlocks(db, last.segs, last.indexes, terms, get);
}

const sameSegs = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/** What a read tells as it goes: its manifest asked (with the copies or not), its manifest handled, its blocks asked. */
interface Told {
  onBegin?: (copies: boolean) => void;
  onManifest?: () => void;
  onAsk?: () => void;
}

/** A read under way: its transaction's getter, the manifest and blocks asked, its terms (the
 *  array it was begun with, which may still grow until its blocks are asked), and what to tell. */
interface Begun extends Told {
  clock: ReturnType<typeof readClock>;
  get: Getter;
  manifest: Promise<unknown>;
  asked: BlocksAsked | null;
  /** The copies of the term indexes beside the manifest (index-copies.ts), asked where the last
   *  manifest's are not all cached (a worker's first read): null where not asked. */
  copies: Promise<Map<number, Uint8Array>> | null;
  terms: string[];
}

/** The manifest and the blocks of `terms`, asked in transaction `tx` (its requests sent now). */
function begin(db: IsnadDB, tx: IDBTransaction, terms: string[], clock: ReturnType<typeof readClock>, told: Told = {}): Begun {
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
  const asked = askBlocksAhead(db, terms, get);
  if (asked) told.onAsk?.();
  // A worker's first read knows no segment yet: their term indexes' copies are asked beside the
  // manifest, not after it (one round trip of the cold chain fewer).
  const copies = asked || lastIndexes(db) ? null : result(tx.objectStore('meta').getAll()).then(copiesBySegment);
  copies?.catch(() => undefined); // awaited by complete(), which tells its failure
  told.onBegin?.(!!copies);
  return { ...told, clock, get, manifest, asked, copies, terms };
}

/**
 * A lookup's terms (some of them: readPostings `early` adds the rest), joined to a starting
 * worker's read ahead while it has not asked for its blocks (else null): their blocks are asked in
 * its transaction as soon as the term indexes are in, while the lookup goes on with its analysis —
 * not, once it has ended, in a transaction of the lookup's own after the manifest again.
 * (Asking a running worker's blocks before its event signature, in a transaction of its own, showed
 * no gain at 10,000 reports under load, and is not done: bench/RESULTS.md, session 20.)
 */
export function askPostings(db: IsnadDB, terms: readonly string[]): EarlyRead | null {
  const joined = ahead.get(db);
  if (!joined || joined.asked || terms.length === 0) return null;
  const add = (more: readonly string[]) => {
    if (joined.asked) return false;
    const have = new Set(joined.terms);
    for (const t of more) if (!have.has(t)) joined.terms.push(t);
    return true;
  };
  add(terms);
  return { add, result: () => joined.read };
}

async function readNow(db: IsnadDB, terms: string[], clock: ReturnType<typeof readClock>, told?: Told): Promise<Read> {
  const tx = await readOnly(db, ['segs', 'meta']);
  clock.step('open');
  return complete(db, begin(db, tx, terms, clock, told));
}

/** A read begun: the manifest checked, the blocks asked again where it lists other segments than
 *  the last one did, and the terms' postings decoded from them. */
async function complete(db: IsnadDB, read: Begun): Promise<Read> {
  const { clock, get, terms } = read;
  const meta = checkManifest(await read.manifest);
  clock.step('manifest');
  read.onManifest?.();
  const segs = meta.segs.map((x) => x.s);
  lastSegs.set(db, segs);
  cacheOf(db).keepOnly(segs);
  let asked = read.asked && sameSegs(read.asked.segs, segs) ? read.asked : null;
  if (!asked) {
    const copies = read.copies ? await read.copies : null;
    // A segment's term index from its copy where there is one, else from its own row (and its
    // copy written after: copyMissing).
    const getIndex: Getter = copies ? (s, k) => { const b = copies.get(s); return b ? Promise.resolve({ s, k, b }) : (uncopied(db).add(s), get(s, k)); } : get;
    const indexes = await Promise.all(segs.map((s) => loadIndex(db, s, getIndex)));
    clock.step('dicts');
    asked = askBlocks(db, segs, indexes, terms, get);
    read.onAsk?.();
  }
  const { wanted } = asked;
  const blocks = await Promise.all(wanted.map((want) => Promise.all([...want.values()].map((w) => w.block))));
  clock.step('blockReads');
  const postings = new Map<string, TermPostings>(terms.map((t) => [t, { df: 0, saturated: false, parts: [] }]));
  let count = 0;
  decoding(() => wanted.forEach((want, i) => {
    [...want.values()].forEach(({ terms: ts }, j) => {
      count++;
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
  return { meta, postings, blocks: count, waits: clock.waits };
}

/** Live segments a read found without a copy of their term index (written before the copies were,
 *  segments/index-copies.ts), by database: copyMissing writes them. */
const lacking = new WeakMap<object, Set<number>>();
const uncopied = (db: object) => lacking.get(db) ?? (lacking.set(db, new Set()), lacking.get(db)!);

/**
 * The copies of the term indexes a read found missing, written from the indexes it read (encoded
 * again: the same bytes), for the segments the manifest still lists: an index written before the
 * copies gets them once, after a starting worker's first reads (warm.ts readAhead), and its next
 * starts read them beside the manifest.
 */
export async function copyMissing(db: IsnadDB): Promise<void> {
  const want = lacking.get(db);
  if (!want?.size) return;
  lacking.delete(db);
  await db.transaction('rw', [db.meta], async () => {
    const live = new Set((await readManifest(db)).segs.map((x) => x.s));
    const ixs = [...want].filter((s) => live.has(s)).map((s) => ({ s, ix: cachedIndex(db, s) }));
    await Promise.all(ixs.map(({ s, ix }) => ix && putIndexCopy(db, { s, k: INDEX_ROW, b: encodeIndex(ix) })));
  });
}

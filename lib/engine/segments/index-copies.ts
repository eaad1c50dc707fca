// A copy of each live segment's term index in the `meta` table beside the manifest, keyed
// `ix:<segment>`: a worker that has just started reads them all with one request sent with the
// manifest's, in its transaction (postings-read.ts begin), instead of asking each segment's term
// index once the manifest has named the segments — a round trip of the worker's thread fewer in a
// cold lookup's chain of reads (bench/RESULTS.md, session 23). Written where a segment is: an
// import part's (index-store.ts writeBatch) and a merge's last step, which drops its inputs' copies
// (store.ts finish), each in the transaction that writes the manifest. Segments never change and
// their numbers are never used twice (the manifest's nextSeg; the meta table is emptied with the
// segments), so a copy is its segment's term index for as long as the segment lives. A segment
// without one (written before the copies were) has its term index read from its own rows.
import type { Table } from 'dexie';
import type { IsnadDB } from '../../db';
import type { SegRow } from './store';

/** A term index's copy: its segment and its encoded bytes (the segment's row 0 as written). */
export interface IndexCopy {
  k: string;
  s: number;
  b: Uint8Array;
}

const PREFIX = 'ix:';
const copyKey = (s: number) => `${PREFIX}${s}`;

/** The meta table as the copies' writer sees it: typed as the manifest's elsewhere, whose readers
 *  ask for it by its key alone. */
const copies = (db: IsnadDB) => db.meta as unknown as Table<IndexCopy, string>;

/** A segment's term index row (row 0) copied beside the manifest, in the caller's transaction. */
export const putIndexCopy = (db: IsnadDB, row: SegRow) => copies(db).put({ k: copyKey(row.s), s: row.s, b: row.b });

/** The copies of segments gone (merged away), in the caller's transaction. */
export const dropIndexCopies = (db: IsnadDB, segs: readonly number[]) => copies(db).bulkDelete(segs.map(copyKey));

/** The copies among the meta table's rows (read whole, one request: the manifest and the copies
 *  are all it holds, and a key range needs the IndexedDB implementation's own IDBKeyRange, which a
 *  Node process's database is given, not the global), by segment: a row whose key and segment
 *  disagree (the manifest, or a row not written by this module) is left out, its segment's term
 *  index read from its own rows. */
export function copiesBySegment(rows: readonly unknown[]): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  for (const r of rows) {
    const c = r as Partial<IndexCopy> | null;
    // Its bytes are checked as the segment's own row's are (store.ts rowBytes), then decoded.
    if (c && typeof c.s === 'number' && c.k === copyKey(c.s)) out.set(c.s, c.b as Uint8Array);
  }
  return out;
}

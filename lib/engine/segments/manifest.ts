// The manifest: the one small row that says which segments are live. A segment's rows are written
// first and the manifest after, in one transaction; a merge writes its segment's rows, then swaps
// the segments it replaces for it in the manifest, then deletes their rows. A reader that sees a
// manifest sees only complete segments. Read back from IndexedDB it is checked field by field.
import { asBytes, SegmentFormatError } from './bytes';
import { Deletions } from './deletions';

export interface SegmentInfo {
  /** Segment number: its rows are keyed [s, k]. */
  s: number;
  /** Documents it was written with (positions in its columns), and how many are deleted since. */
  docs: number;
  del: number;
  /** Postings blocks (rows 2..blocks + 1) and their bytes. */
  blocks: number;
  bytes: number;
  /** The deleted positions (Deletions, encoded), once there are any. */
  dels?: Uint8Array;
}

/** A merge under way: the segment it writes, the ones it replaces, and how far it got. */
export interface MergeState {
  s: number;
  from: number[];
  /** The last term whose postings were written, or null before the first slice. */
  after: string | null;
  /** Blocks written so far (rows 2..blocks + 1 of segment s). */
  blocks: number;
  bytes: number;
}

export interface Manifest {
  k: 'segments';
  /** Live documents and their total length (BM25's average length and idf). */
  docs: number;
  len: number;
  nextN: number;
  nextSeg: number;
  segs: SegmentInfo[];
  merging?: MergeState;
}

export const MANIFEST_KEY = 'segments';

export function emptyManifest(): Manifest {
  return { k: 'segments', docs: 0, len: 0, nextN: 1, nextSeg: 1, segs: [] };
}

const count = (v: unknown, field: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new SegmentFormatError('manifest', `${field} is not a count: ${String(v)}`);
  return v;
};

function info(v: unknown, i: number): SegmentInfo {
  if (!v || typeof v !== 'object') throw new SegmentFormatError('manifest', `segs[${i}] is not an object`);
  const o = v as Record<string, unknown>;
  const seg = { s: count(o.s, `segs[${i}].s`), docs: count(o.docs, `segs[${i}].docs`), del: count(o.del, `segs[${i}].del`), blocks: count(o.blocks, `segs[${i}].blocks`), bytes: count(o.bytes, `segs[${i}].bytes`) };
  if (seg.del > seg.docs) throw new SegmentFormatError('manifest', `segs[${i}] has ${seg.del} deletions of ${seg.docs} docs`);
  if (o.dels === undefined) return seg;
  const dels = asBytes(o.dels, `segs[${i}].dels`);
  const d = Deletions.decode(dels, `segs[${i}].dels`);
  if (d.size !== seg.docs || d.count() !== seg.del) throw new SegmentFormatError('manifest', `segs[${i}].dels does not match its counts`);
  return { ...seg, dels };
}

/** A stored manifest, checked; none stored is the empty one. */
export function checkManifest(v: unknown): Manifest {
  if (v === undefined || v === null) return emptyManifest();
  if (typeof v !== 'object') throw new SegmentFormatError('manifest', 'not an object');
  const o = v as Record<string, unknown>;
  if (o.k !== MANIFEST_KEY) throw new SegmentFormatError('manifest', `key ${String(o.k)}`);
  if (!Array.isArray(o.segs)) throw new SegmentFormatError('manifest', 'segs is not a list');
  if (typeof o.len !== 'number' || !(o.len >= 0)) throw new SegmentFormatError('manifest', `len ${String(o.len)}`);
  const m: Manifest = { k: 'segments', docs: count(o.docs, 'docs'), len: o.len, nextN: count(o.nextN, 'nextN'), nextSeg: count(o.nextSeg, 'nextSeg'), segs: o.segs.map(info) };
  const seen = new Set<number>();
  for (const x of m.segs) {
    if (seen.has(x.s) || x.s >= m.nextSeg) throw new SegmentFormatError('manifest', `segment ${x.s} repeated or not yet numbered`);
    seen.add(x.s);
  }
  if (o.merging !== undefined) {
    const g = o.merging as Record<string, unknown> | null;
    if (!g || typeof g !== 'object' || !Array.isArray(g.from) || (g.after !== null && typeof g.after !== 'string')) throw new SegmentFormatError('manifest', 'merging is malformed');
    const from = g.from.map((s, i) => count(s, `merging.from[${i}]`));
    if (from.some((s) => !seen.has(s))) throw new SegmentFormatError('manifest', 'merging names a segment that is not live');
    m.merging = { s: count(g.s, 'merging.s'), from, after: g.after as string | null, blocks: count(g.blocks, 'merging.blocks'), bytes: count(g.bytes, 'merging.bytes') };
    if (seen.has(m.merging.s) || m.merging.s >= m.nextSeg) throw new SegmentFormatError('manifest', 'merging writes a live segment');
  }
  return m;
}

/** The manifest with a new segment appended (a batch written). */
export function withSegment(m: Manifest, seg: SegmentInfo, added: { docs: number; len: number; nextN: number }): Manifest {
  return { ...m, docs: m.docs + added.docs, len: m.len + added.len, nextN: added.nextN, nextSeg: Math.max(m.nextSeg, seg.s + 1), segs: [...m.segs, seg] };
}

/** The manifest once a merge is done: its segment replaces the ones it read. */
export function withMerged(m: Manifest, seg: SegmentInfo): Manifest {
  const from = new Set(m.merging?.from ?? []);
  const { merging: _done, ...rest } = m;
  return { ...rest, segs: [...m.segs.filter((x) => !from.has(x.s)), seg].sort((a, b) => a.s - b.s) };
}

// Packed doc rows (doc-rows.ts PackedDoc) kept in one ring of bytes, oldest dropped first, bounded
// by bytes and by rows. A worker's doc cache (doc-cache.ts) holds a few thousand rows between
// queries; kept as decoded objects (≈ 25 objects and ≈ 1.7 KB a row: strings, arrays, typed arrays)
// they were most of what every full collection of the worker's heap marks and every scavenge copies
// as they are promoted (bench/RESULTS.md, session 19 (warm20)). Here a row is ≈ 0.7 KB of one
// buffer's bytes and a few numbers in typed arrays: nothing for the collector to go through. A
// query decodes the rows it asks for (≈ 4 µs a row), and their objects die young.
import type { PackedDoc } from './doc-rows';
import { ByteReader, ByteWriter } from './segments/bytes';
import { readText, writeText } from './value-pack';

/** Distinct outlets and model versions kept at most (a slot names them by a 16-bit number). */
const MAX_STRINGS = 0xffff;

/** Reused by every row put (put is synchronous; its bytes are copied into the ring). */
const scratch = new ByteWriter(2048);

/** Whether `d` is a packed row with nothing but a packed row's fields (what the ring keeps exactly). */
export function ringable(d: object): d is PackedDoc {
  const p = d as PackedDoc;
  if (!(p.b instanceof Uint8Array) || typeof p.n !== 'number' || typeof p.id !== 'string' || typeof p.outlet !== 'string') return false;
  if (!(p.n >= 0 && p.n <= 0x7fffffff && Number.isInteger(p.n))) return false;
  if (!(p.dup === null || (Number.isInteger(p.dup) && p.dup >= 0 && p.dup < 0xffffffff))) return false;
  for (const k in d) {
    const v = (d as Record<string, unknown>)[k];
    if (k === 'n' || k === 'id' || k === 'outlet' || k === 'dup' || k === 'b') continue;
    if (k === 'sv' && typeof v === 'string') continue;
    if (k === 'tv' && v instanceof Uint8Array) continue;
    return false;
  }
  return true;
}

export class RowRing {
  /** Allocated at the first row put (a database handle that only writes never needs it). */
  private buf: Uint8Array | null = null;
  /** Where the next row's bytes go. */
  private head = 0;
  /** Slots in the order put (a ring too): the oldest is `first`. */
  private first = 0;
  private count = 0;
  private readonly sN: Int32Array;
  private readonly sOff: Uint32Array;
  private readonly sLen: Uint32Array;
  private readonly sKey: Float64Array;
  /** The near-duplicate group + 1 (0: none). */
  private readonly sDup: Uint32Array;
  private readonly sOutlet: Uint16Array;
  /** The model version's string + 1 (0: none). */
  private readonly sSv: Uint16Array;
  private readonly slotOf = new Map<number, number>();
  private strings: string[] = [];
  private stringIds = new Map<string, number>();
  private used = 0;

  constructor(
    readonly capacity: number,
    readonly maxRows: number,
  ) {
    this.sN = new Int32Array(maxRows);
    this.sOff = new Uint32Array(maxRows);
    this.sLen = new Uint32Array(maxRows);
    this.sKey = new Float64Array(maxRows);
    this.sDup = new Uint32Array(maxRows);
    this.sOutlet = new Uint16Array(maxRows);
    this.sSv = new Uint16Array(maxRows);
  }

  /** Rows held. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Bytes the rows held take in the ring. */
  get bytes(): number {
    return this.used;
  }

  has(n: number): boolean {
    return this.slotOf.has(n);
  }

  /** Keeps row `d` (a row of the same number before it is dropped) with its `key`; false when it
   *  cannot be kept (larger than the ring). */
  put(d: PackedDoc, key: number): boolean {
    this.delete(d.n);
    const w = scratch.reset();
    writeText(w, d.id);
    w.varint(d.b.length);
    w.bytes(d.b);
    if (d.tv) {
      w.byte(1);
      w.varint(d.tv.length);
      w.bytes(d.tv);
    } else w.byte(0);
    const len = w.length;
    if (len > this.capacity) return false;
    // Untrusted rows could name any number of outlets: past the bound, everything is let go.
    if (this.strings.length >= MAX_STRINGS - 2) this.clear();
    const outlet = this.stringId(d.outlet);
    const sv = d.sv === undefined ? 0 : this.stringId(d.sv) + 1;
    if (this.count === this.maxRows) this.dropOldest();
    const at = this.place(len);
    (this.buf ??= new Uint8Array(this.capacity)).set(w.finish(), at);
    const s = (this.first + this.count) % this.maxRows;
    this.count++;
    this.sN[s] = d.n;
    this.sOff[s] = at;
    this.sLen[s] = len;
    this.sKey[s] = key;
    this.sDup[s] = d.dup === null ? 0 : d.dup + 1;
    this.sOutlet[s] = outlet;
    this.sSv[s] = sv;
    this.slotOf.set(d.n, s);
    this.used += len;
    return true;
  }

  /** Row `n` as it was put (a new object, its bytes copied out) and its key, or undefined. */
  get(n: number): { row: PackedDoc; key: number } | undefined {
    const s = this.slotOf.get(n);
    if (s === undefined) return undefined;
    const r = new ByteReader(this.buf!.subarray(this.sOff[s]!, this.sOff[s]! + this.sLen[s]!), `cached doc row ${n}`);
    const id = readText(r);
    const b = r.bytes(r.varint()).slice();
    const tv = r.byte() === 1 ? r.bytes(r.varint()).slice() : undefined;
    r.end();
    const sv = this.sSv[s]!;
    const row: PackedDoc = { n, id, outlet: this.strings[this.sOutlet[s]!]!, dup: this.sDup[s] ? this.sDup[s]! - 1 : null, b, ...(sv ? { sv: this.strings[sv - 1]! } : {}), ...(tv ? { tv } : {}) };
    return { row, key: this.sKey[s]! };
  }

  /** Drops row `n` (its bytes are taken back when the ring comes round to them). */
  delete(n: number): void {
    const s = this.slotOf.get(n);
    if (s === undefined) return;
    this.slotOf.delete(n);
    this.sN[s] = -1;
    this.used -= this.sLen[s]!;
  }

  clear(): void {
    this.slotOf.clear();
    this.head = this.first = this.count = this.used = 0;
    this.strings = [];
    this.stringIds = new Map();
  }

  private stringId(x: string): number {
    let i = this.stringIds.get(x);
    if (i === undefined) {
      i = this.strings.push(x) - 1;
      this.stringIds.set(x, i);
    }
    return i;
  }

  private dropOldest(): void {
    const s = this.first;
    const n = this.sN[s]!;
    if (n >= 0 && this.slotOf.get(n) === s) {
      this.slotOf.delete(n);
      this.used -= this.sLen[s]!;
    }
    this.first = (this.first + 1) % this.maxRows;
    this.count--;
  }

  /** Where `len` bytes go: at the head, or at the ring's start when they do not fit before its
   *  end; the oldest rows in the way are dropped. The rows ahead of the head are the oldest, in
   *  the order put (bytes are laid down in that order), so they are the slots' first ones. */
  private place(len: number): number {
    if (this.head + len > this.capacity) {
      while (this.count && this.sOff[this.first]! >= this.head) this.dropOldest();
      this.head = 0;
    }
    while (this.count && this.sOff[this.first]! >= this.head && this.sOff[this.first]! < this.head + len) this.dropOldest();
    const at = this.head;
    this.head += len;
    return at;
  }
}

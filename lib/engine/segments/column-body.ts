// The per-document part of a segment's doc columns (columns.ts has the layout), read in one loop
// over the bytes: a method call per varint and growing plain arrays cost 30–50 ms for a segment of
// 100,000 documents. A slice of documents at a time, so that a running worker decodes between
// its messages (columns.ts decodeInSlices).
import type { DocColumns } from './columns';

/** Most MinHash slots a sketch keeps (a document's MinHash has 24: simhash.ts). */
export const MAX_SKETCH = 64;

export const NO_DAY = -0x80000000;
export const NO_DUP = -1;
const unzigzag = (v: number) => (v % 2 === 0 ? v / 2 : -(v + 1) / 2);

/** Where the last varintAt ended (one varint a call, no object returned: this is a hot loop). */
let after = 0;

/** The varint at `pos` of `buf` (its end in `after`), or -1 when truncated, too long or too large. */
function varintAt(buf: Uint8Array, pos: number): number {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < 5 && pos < buf.length; i++) {
    const b = buf[pos++]!;
    v += (b & 0x7f) * mul;
    if (b < 0x80) {
      after = pos;
      return v > 0xffffffff ? -1 : v;
    }
    mul *= 128;
  }
  return -1;
}

/** The per-document varints of one segment's columns. `fail` throws with the byte offset. */
export class BodyReader {
  readonly c: DocColumns;
  private ent: Uint32Array<ArrayBuffer>;
  private src: Uint32Array<ArrayBuffer>;
  private sk: Uint8Array<ArrayBuffer>;
  private ne = 0;
  private ns = 0;
  private nk = 0;
  private last = -1;

  readonly buf: Uint8Array;
  pos: number;
  private readonly nStrings: number;
  private readonly sketches: boolean;
  private readonly fail: (at: number, reason: string) => never;

  constructor(at: { buf: Uint8Array; pos: number; docs: number; nStrings: number; sketches: boolean }, fail: (at: number, reason: string) => never) {
    const { buf, pos, docs } = at;
    this.buf = buf;
    this.pos = pos;
    this.nStrings = at.nStrings;
    this.sketches = at.sketches;
    this.fail = fail;
    this.c = {
      n: new Uint32Array(docs),
      day: new Int32Array(docs),
      outlet: new Uint32Array(docs),
      dup: new Int32Array(docs),
      entOff: new Uint32Array(docs + 1),
      ent: new Uint32Array(0),
      srcOff: new Uint32Array(docs + 1),
      src: new Uint32Array(0),
      skOff: new Uint32Array(docs + 1),
      skHas: new Uint8Array(docs),
      sketch: new Uint8Array(0),
      strings: [],
    };
    const left = buf.length - pos;
    // Each entity or source takes a byte at least: the bytes left bound both lists.
    this.ent = new Uint32Array(Math.min(left, docs * 4 + 16));
    this.src = new Uint32Array(Math.min(left, docs + 16));
    this.sk = new Uint8Array(this.sketches ? Math.min(left, docs * 24 + 16) : 0);
  }

  /** The next varint (one byte, the common case, read inline). */
  private next(what: string): number {
    const b = this.buf[this.pos];
    if (b !== undefined && b < 0x80) {
      this.pos++;
      return b;
    }
    const v = varintAt(this.buf, this.pos);
    if (v < 0) this.fail(this.pos, `${what}: varint truncated or too large`);
    this.pos = after;
    return v;
  }

  private string(): number {
    const v = this.next('string');
    if (v >= this.nStrings) this.fail(this.pos, `string ${v} of ${this.nStrings}`);
    return v;
  }

  /** The next document's number is written whole (format 3: the first of a block). */
  restart(): void {
    this.last = -1;
  }

  /** Documents [from, to). */
  read(from: number, to: number): void {
    const { c, fail } = this;
    for (let i = from; i < to; i++) {
      const d = this.next('doc number');
      if (this.last >= 0 && d === 0) fail(this.pos, `doc ${i}: doc numbers not ascending`);
      const n = this.last < 0 ? d : this.last + d;
      if (n > 0xffffffff) fail(this.pos, `doc ${i}: doc number too large`);
      c.n[i] = this.last = n;
      const day = this.next('day');
      if (day > 0xfffffffe) fail(this.pos, `doc ${i}: day out of range`);
      c.day[i] = day === 0 ? NO_DAY : unzigzag(day - 1);
      c.outlet[i] = this.string();
      const dup = this.next('group');
      if (dup > 0x7fffffff) fail(this.pos, `doc ${i}: group too large`);
      c.dup[i] = dup === 0 ? NO_DUP : dup - 1;
      const e = this.next('entities');
      if (e > this.buf.length - this.pos) fail(this.pos, `count ${e} cannot fit`);
      if (this.ne + e > this.ent.length) this.ent = grown(this.ent, this.ne + e);
      for (let k = 0; k < e; k++) this.ent[this.ne++] = this.string();
      c.entOff[i + 1] = this.ne;
      const s = this.next('sources');
      if (s > this.buf.length - this.pos) fail(this.pos, `count ${s} cannot fit`);
      if (this.ns + s > this.src.length) this.src = grown(this.src, this.ns + s);
      for (let k = 0; k < s; k++) this.src[this.ns++] = this.string();
      c.srcOff[i + 1] = this.ns;
      if (this.sketches) this.readSketch(i);
      c.skOff[i + 1] = this.nk;
    }
  }

  private readSketch(i: number): void {
    const k = this.next('sketch');
    if (k === 0) return;
    if (k - 1 > MAX_SKETCH || k - 1 > this.buf.length - this.pos) this.fail(this.pos, `doc ${i}: sketch of ${k - 1} cannot fit`);
    if (this.nk + k - 1 > this.sk.length) {
      const b = new Uint8Array(Math.max(this.nk + k - 1, 2 * this.sk.length));
      b.set(this.sk);
      this.sk = b;
    }
    this.sk.set(this.buf.subarray(this.pos, this.pos + k - 1), this.nk);
    this.pos += k - 1;
    this.nk += k - 1;
    this.c.skHas[i] = 1;
  }

  finish(strings: string[]): DocColumns {
    this.c.ent = this.ent.slice(0, this.ne);
    this.c.src = this.src.slice(0, this.ns);
    this.c.sketch = this.sk.slice(0, this.nk);
    this.c.strings = strings;
    return this.c;
  }
}

function grown(a: Uint32Array, need: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

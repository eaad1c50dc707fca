// Deletions of a segment: a segment is never rewritten in place, so a deleted report is a bit set
// at its position in the segment's doc columns (lib/engine/segments/columns.ts). A query skips
// those positions; a merge leaves them out of the segment it writes.
//
// Layout: 'D' 1 | size | ceil(size / 8) bytes, bit i of byte i >> 3 for position i.
import { ByteReader, ByteWriter, expectHeader } from './bytes';

const MAGIC = 0x44; // 'D'
const VERSION = 1;

export class Deletions {
  readonly bits: Uint8Array;

  constructor(
    readonly size: number,
    bits?: Uint8Array,
  ) {
    if (!(Number.isInteger(size) && size >= 0)) throw new RangeError(`size ${size}`);
    this.bits = bits ?? new Uint8Array((size + 7) >> 3);
  }

  has(i: number): boolean {
    return i >= 0 && i < this.size && (this.bits[i >> 3]! & (1 << (i & 7))) !== 0;
  }

  /** Marks a position deleted; false when it already was. */
  add(i: number): boolean {
    if (!(Number.isInteger(i) && i >= 0 && i < this.size)) throw new RangeError(`position ${i} of ${this.size}`);
    if (this.has(i)) return false;
    this.bits[i >> 3]! |= 1 << (i & 7);
    return true;
  }

  count(): number {
    let c = 0;
    for (let i = 0; i < this.bits.length; i++) {
      let v = this.bits[i]!;
      while (v) {
        v &= v - 1;
        c++;
      }
    }
    return c;
  }

  copy(): Deletions {
    return new Deletions(this.size, this.bits.slice());
  }

  encode(): Uint8Array {
    const w = new ByteWriter(this.bits.length + 8);
    w.byte(MAGIC);
    w.byte(VERSION);
    w.varint(this.size);
    w.bytes(this.bits);
    return w.finish();
  }

  static decode(bytes: Uint8Array, what = 'deletions'): Deletions {
    const r = new ByteReader(bytes, what);
    expectHeader(r, MAGIC, VERSION);
    const size = r.varint();
    const len = (size + 7) >> 3;
    if (len !== r.left) r.fail(`${r.left} bytes for ${size} positions`);
    const bits = r.bytes(len).slice();
    // Bits past the size would count as deletions of documents that are not there.
    if (size & 7 && bits[len - 1]! >> (size & 7)) r.fail('bits set past the size');
    return new Deletions(size, bits);
  }
}

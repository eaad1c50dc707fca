// Values and texts as a doc row's bytes hold them (lib/engine/value-pack.ts): what goes in comes
// out, whatever the value; bytes that are not a value are one error, never a loop or garbage.
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from '../../../lib/engine/segments/bytes';
import { FROZEN_WORDS, readText, readValue, valueTable, writeTable, writeText, writeValue } from '../../../lib/engine/value-pack';

const roundTrip = (v: unknown, own: string[] = []) => {
  const w = new ByteWriter();
  writeValue(w, v, writeTable(own));
  const bytes = w.finish();
  const r = new ByteReader(bytes, 'test value');
  const out = readValue(r, valueTable(own).list);
  r.end();
  return { out, bytes };
};

const text = (s: string) => {
  const w = new ByteWriter();
  writeText(w, s);
  const bytes = w.finish();
  const r = new ByteReader(bytes, 'test text');
  const out = readText(r);
  r.end();
  return { out, bytes };
};

describe('packed values', () => {
  it("are written with the positions a reader's table gives (frozen words first, a string's first place, strings added after)", () => {
    const own = ['aleppo', 'govs', 'aleppo', 'idlib', 'killed', 'x'];
    const read = valueTable(own);
    const write = writeTable(own);
    for (const s of [...FROZEN_WORDS, ...own, 'new']) expect(write.ref(s)).toBe(read.index.get(s));
    write.add('new');
    write.add('newer');
    expect([write.ref('new'), write.ref('newer')]).toEqual([read.list.length, read.list.length + 1]);
  });

  it('come back as they went in: undefined apart from null, numbers of every kind, nesting, odd keys', () => {
    const odd = JSON.parse('{"__proto__": {"x": 1}, "constructor": 2}') as Record<string, unknown>;
    const values: unknown[] = [
      undefined, null, true, false, 0, 1, 127, 128, 0xffffffff, -1, -0xffffffff, 2 ** 40, -(2 ** 40), 0.5, -0, NaN, Infinity,
      '', 'relative', 'صباح اليوم', 'غير معروف', '😀', [], [undefined, null, [1, [2, [3]]]],
      { a: undefined, b: null, c: [{ d: 'x' }] }, odd,
      ['cgj', 'c', 'abu-rujm', [19470, 'relative', 'صباح اليوم', null], [[], [], false], [['abu-rujm'], 19470, ['usa'], { injured: 3 }, false], { govs: ['daraa-gov'] }],
    ];
    for (const v of values) expect(roundTrip(v, ['abu-rujm', 'usa']).out).toStrictEqual(v);
    expect(Object.getPrototypeOf(roundTrip(odd).out)).toBe(Object.prototype);
    expect(Object.keys(roundTrip([undefined, null]).out as unknown[])).toEqual(['0', '1']);
  });

  it("write a string the row's table holds, or one written before, as a reference", () => {
    const id = 'ministry-of-emergencies-and-disaster-management';
    const once = roundTrip([id], [id]).bytes.length;
    expect(once).toBeLessThan(6);
    expect(roundTrip([id, id, id]).bytes.length).toBeLessThan(id.length + 12);
    expect(roundTrip(FROZEN_WORDS).bytes.length).toBeLessThan(2 * FROZEN_WORDS.length + 4);
    // The same table on both sides: read with another, a reference names another string or none.
    const w = new ByteWriter();
    writeValue(w, id, writeTable([id]));
    expect(() => readValue(new ByteReader(w.finish(), 'test value'), valueTable([]).list)).toThrow(/unknown string reference/);
  });

  it('refuse bytes that are not a value: one error, whatever the damage', () => {
    const { bytes } = roundTrip({ a: [1, 'x', { b: [null] }] });
    for (let cut = 0; cut < bytes.length; cut++) {
      expect(() => {
        const r = new ByteReader(bytes.subarray(0, cut), 'test value');
        readValue(r, valueTable([]).list);
        r.end();
      }).toThrow(/test value/);
    }
    expect(() => readValue(new ByteReader(Uint8Array.of(42), 'test value'), [])).toThrow(/unknown value tag/);
    // A count larger than the bytes, and nesting past any signature's: refused, not followed.
    expect(() => readValue(new ByteReader(Uint8Array.of(9, 0xff, 0xff, 0xff, 0x0f), 'test value'), [])).toThrow(/cannot fit/);
    expect(() => readValue(new ByteReader(new Uint8Array(100).fill(9).map((x, i) => (i % 2 ? 1 : x)), 'test value'), [])).toThrow(/too deep/);
    expect(() => roundTrip(new Map())).toThrow(/not a storable value/);
  });
});

describe('packed texts', () => {
  it('come back as they went in, Arabic a byte a character', () => {
    const cases = ['', 'https://www.enabbaladi.net/archives/12345', 'https://x.example/خبر', 'مقتل ثلاثة مدنيين بقصف على ريف إدلب ٣', 'قَصْفٌ', 'ـ ٪ ۝', 'ۿ ں', '😀 ﷺ \u200f', '\ud800 lone', 'a\u0000b', 'ÿ\u00ff\u0100'];
    for (const s of cases) expect(text(s).out).toBe(s);
    const title = 'مقتل ثلاثة مدنيين بقصف على ريف إدلب الجنوبي';
    expect(text(title).bytes.length).toBe(title.length + 1);
    expect(text(title).bytes.length).toBeLessThan(new TextEncoder().encode(title).length * 0.6);
  });

  it('refuse a text that runs past its length or names no character', () => {
    expect(() => readText(new ByteReader(Uint8Array.of(2, 0x41), 'test text'))).toThrow(/test text/);
    expect(() => readText(new ByteReader(Uint8Array.of(2, 0x41, 0xff), 'test text'))).toThrow(/test text/);
    expect(() => readText(new ByteReader(Uint8Array.of(6, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x41), 'test text'))).toThrow(/not a code point/);
    expect(() => readText(new ByteReader(Uint8Array.of(2, 0xff, 0x80, 0x01), 'test text'))).toThrow(/runs past/);
  });
});

// The encoders before they wrote in place (2026-12-05): every stored row must keep its bytes.
function referenceText(s: string): Uint8Array {
  const out: number[] = [];
  const varint = (v: number, to: number[]) => {
    while (v >= 0x80) {
      to.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    to.push(v);
  };
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x600 && cp < 0x67f) out.push(0x80 + cp - 0x600);
    else {
      out.push(0xff);
      varint(cp, out);
    }
  }
  const head: number[] = [];
  varint(out.length, head);
  return Uint8Array.from([...head, ...out]);
}

function referenceString(s: string): Uint8Array {
  const b = new TextEncoder().encode(s);
  const head: number[] = [];
  let v = b.length;
  while (v >= 0x80) {
    head.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  head.push(v);
  return Uint8Array.from([...head, ...b]);
}

describe('texts and strings written in place', () => {
  // Lengths either side of each varint size, every kind of character, lone surrogates.
  const samples = ['', 'a', 'x'.repeat(127), 'x'.repeat(128), 'x'.repeat(20_000), 'حلب', 'ب'.repeat(42), 'ب'.repeat(43), 'ب'.repeat(5461), 'ب'.repeat(5462),
    'ﻻ', 'é', 'ۿ', '😀', 'a😀b', '\uD800', 'x\uDC00y', '\uDBFF\uDFFF', 'مختلط Mixed ١٢٣ 123 ‎', 'ٱلله'.repeat(300), 'é'.repeat(64)];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const ranges = [[0x20, 0x7f], [0x600, 0x6ff], [0x80, 0x800], [0xd800, 0xe000], [0xe000, 0x10000]] as const;
  for (let i = 0; i < 300; i++) {
    let s = '';
    const n = Math.floor(rand() * (i % 10 === 0 ? 2000 : 60));
    for (let k = 0; k < n; k++) {
      const [lo, hi] = ranges[Math.floor(rand() * ranges.length)]!;
      s += String.fromCharCode(lo + Math.floor(rand() * (hi - lo)));
    }
    samples.push(s);
  }

  it('writeText gives the bytes it always gave, and reads back', () => {
    for (const s of samples) {
      const w = new ByteWriter(16);
      w.byte(9);
      writeText(w, s);
      const bytes = w.finish();
      expect(bytes.subarray(1)).toEqual(referenceText(s));
      const r = new ByteReader(bytes, 'text');
      r.byte();
      // A lone surrogate is written as itself and read back as itself.
      expect(readText(r)).toBe(s);
    }
  });

  it('ByteWriter.string gives TextEncoder’s UTF-8 after its length, after anything written before', () => {
    const w = new ByteWriter(16);
    const want: number[] = [];
    for (const s of samples) {
      w.string(s);
      want.push(...referenceString(s));
      w.u32(0xdeadbeef);
      want.push(0xef, 0xbe, 0xad, 0xde);
    }
    expect(w.finish()).toEqual(Uint8Array.from(want));
  });
});

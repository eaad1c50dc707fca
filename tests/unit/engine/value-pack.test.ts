// Values and texts as a doc row's bytes hold them (lib/engine/value-pack.ts): what goes in comes
// out, whatever the value; bytes that are not a value are one error, never a loop or garbage.
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from '../../../lib/engine/segments/bytes';
import { FROZEN_WORDS, readText, readValue, valueTable, writeText, writeValue } from '../../../lib/engine/value-pack';

const roundTrip = (v: unknown, own: string[] = []) => {
  const w = new ByteWriter();
  writeValue(w, v, valueTable(own));
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
    writeValue(w, id, valueTable([id]));
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

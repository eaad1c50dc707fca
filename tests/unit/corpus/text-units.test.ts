// A page's texts packed as code units (lib/corpus/text-units.ts): each text reads back as itself —
// Arabic, Latin-1 only (a byte a unit), a lone surrogate, empty, longer than one fromCharCode call —
// and packed texts whose ends do not fit their units are refused.
import { describe, expect, it } from 'vitest';
import { packedTextsRead, packTexts, textAt, textUnits, withTextUnits } from '../../../lib/corpus/text-units';

const long = 'قصف على ريف إدلب الجنوبي. '.repeat(700);

describe('packed texts', () => {
  it('reads each text back as it was', () => {
    const texts = ['نص التقرير رقم ١ عن حلب', '', 'Latin-1 only: café', `lone \uD800 surrogate and a pair \uD83D\uDE00`, long, 'ي'];
    const packed = packTexts(texts);
    expect(packed.u).toBeInstanceOf(Uint16Array);
    expect(packedTextsRead(packed, texts.length)).toBe(true);
    expect(texts.map((_, i) => textAt(packed, i))).toEqual(texts);
  });

  it('keeps a byte a unit when every unit is under 256', () => {
    const texts = ['plain text', 'café au lait', ''];
    const packed = packTexts(texts);
    expect(packed.u).toBeInstanceOf(Uint8Array);
    expect(packed.u.byteLength).toBe(texts.join('').length);
    expect(texts.map((_, i) => textAt(packed, i))).toEqual(texts);
  });

  it('refuses ends that do not fit the units or the count', () => {
    const packed = packTexts(['أ', 'بب']);
    expect(packedTextsRead(packed, 3)).toBe(false);
    expect(packedTextsRead({ u: packed.u, e: Uint32Array.of(2, 1) }, 2)).toBe(false);
    expect(packedTextsRead({ u: packed.u, e: Uint32Array.of(1, 4) }, 2)).toBe(false);
    expect(packedTextsRead({ u: [1, 2] as unknown as Uint8Array, e: Uint32Array.of(1, 2) }, 2)).toBe(false);
    expect(packedTextsRead({ e: Uint32Array.of(0) }, 1)).toBe(false);
  });
});

describe('texts given as code units', () => {
  it('pack into the same row as the same texts given as strings (a byte a unit where all are under 256)', () => {
    const units = (t: string) => Uint16Array.from(t, (c) => c.charCodeAt(0));
    for (const texts of [['نص عن حلب', 'plain', long, ''], ['plain text', 'café', ''], [`lone \uD800`, 'x']]) {
      const asUnits = packTexts(texts.map((t, i) => (i % 2 ? units(t) : t)));
      expect(asUnits).toEqual(packTexts(texts));
      // Units already a byte each (a stored Latin-1 page read back) pack alike.
      if (texts.every((t) => [...t].every((c) => c.charCodeAt(0) < 256))) expect(packTexts(texts.map((t) => Uint8Array.from(t, (c) => c.charCodeAt(0))))).toEqual(packTexts(texts));
    }
  });

  it('read as the text wherever read: the property, a spread, a clone, an assignment after', () => {
    const text = `${long} \uD800`;
    const o = withTextUnits({ id: 'a', url: 'u' }, Uint16Array.from(text, (c) => c.charCodeAt(0)));
    expect(textUnits(o)).toBeInstanceOf(Uint16Array);
    expect(o.text).toBe(text);
    expect(Object.keys(o)).toEqual(['id', 'url', 'text']);
    const spread = { ...o };
    expect(spread).toEqual({ id: 'a', url: 'u', text });
    expect(textUnits(spread)).toBeUndefined();
    expect(structuredClone(o)).toEqual({ id: 'a', url: 'u', text });
    o.text = 'another';
    expect(o.text).toBe('another');
    expect(textUnits({ text: 'x' })).toBeUndefined();
  });
});

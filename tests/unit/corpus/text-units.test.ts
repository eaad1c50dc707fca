// A page's texts packed as code units (lib/corpus/text-units.ts): each text reads back as itself —
// Arabic, Latin-1 only (a byte a unit), a lone surrogate, empty, longer than one fromCharCode call —
// and packed texts whose ends do not fit their units are refused.
import { describe, expect, it } from 'vitest';
import { packedTextsRead, packTexts, textAt } from '../../../lib/corpus/text-units';

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

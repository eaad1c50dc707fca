// An import part's texts packed by the options page and read by the background
// (lib/corpus/part-texts.ts): every text back as its exact code units — hostile ones too — the
// records without their texts; a part over the bound is not packed, and packed texts the background
// cannot trust are refused, one clear error each, before anything is allocated from them.
import { describe, expect, it } from 'vitest';
import { MAX_PART_UNITS, packPart, partTexts } from '../../../lib/corpus/part-texts';
import { unitsText } from '../../../lib/corpus/text-units';
import type { ReportRecord } from '../../../lib/types';

const texts = ['نص التقرير عن حلب', '', '\u0000', `lone \ud800 and \udc00 surrogates, a pair \ud83d\ude00`, '\u202e\u200f\u0640\ufeff', 'café', 'ب'.repeat(5000), '__proto__'];
const records: ReportRecord[] = texts.map((text, i) => ({ url: `https://example.org/${i}`, outlet: 'sana', title: `t${i}`, publishedAt: i % 2 ? null : '2025-01-02', text, ...(i === 3 ? { archiveUrl: 'https://web.archive.org/x' } : {}) }));

describe("an import part's packed texts", () => {
  it('give each text back as its code units, and the records without their texts', () => {
    const packed = structuredClone(packPart(records)!);
    expect(packed.records).toEqual(records.map(({ text: _t, ...rest }) => rest));
    expect(packed.records.every((r) => !('text' in r))).toBe(true);
    const units = partTexts(packed.texts, records.length);
    expect(units.map((u) => unitsText(u))).toEqual(texts);
    expect(units.every((u) => u instanceof Uint16Array)).toBe(true);
  });

  it('are not made for a part over the bound (its texts go as strings)', () => {
    const huge = 'x'.repeat(MAX_PART_UNITS / 2 + 1);
    expect(packPart([records[0]!, { ...records[1]!, text: huge }, { ...records[2]!, text: huge }])).toBeNull();
    expect(packPart([{ ...records[1]!, text: huge }])).not.toBeNull();
  });

  it('are refused, one clear error each, when they do not fit their part', () => {
    const { texts: t } = packPart(records)!;
    const n = records.length;
    const cases: Array<[unknown, RegExp, number?]> = [
      [undefined, /not packed texts/],
      ['text', /not packed texts/],
      [{ u: Array.from(t.u), e: t.e }, /not a Uint16Array/],
      [{ u: new Uint8Array(t.u.length), e: t.e }, /not a Uint16Array/],
      [{ u: t.u, e: Array.from(t.e) }, /do not match/],
      [{ u: t.u, e: t.e.subarray(1) }, /do not match/],
      [{ u: t.u, e: Uint32Array.from(t.e).reverse() }, /do not match/],
      [{ u: t.u.subarray(0, t.u.length - 1), e: t.e }, /do not match/],
      [{ u: new Uint16Array(MAX_PART_UNITS + 1), e: Uint32Array.of(MAX_PART_UNITS + 1) }, /more than/, 1],
    ];
    for (const [x, why, count] of cases) expect(() => partTexts(x, count ?? n)).toThrow(new RegExp(`^malformed texts in an import part: .*${why.source}`));
  });
});

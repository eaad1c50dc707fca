import { describe, expect, it } from 'vitest';
import { analyse } from '../../../lib/claims';

describe('analyse on hostile input', () => {
  it('returns nothing for empty text and text without Arabic', () => {
    expect(analyse('')).toEqual({ entities: [], claims: [], framing: [], naming: [] });
    const latin = analyse('Nothing here. He said that nothing happened!');
    expect(latin.claims).toEqual([]);
    expect(latin.framing).toEqual([]);
  });

  it('survives control characters, unpaired surrogates and mixed scripts', () => {
    const t = '\u0000\u0007وأفادت\uD800 وكالة "سانا"\uDFFF أن\u202E قوات الأسد انسحبت من Kweires\u0008. 中文 русский';
    const a = analyse(t);
    expect(a.entities.map((e) => e.id)).toEqual(['sana', 'regime-forces', 'kweires-airbase']);
    expect(a.claims.map((c) => c.sourceId)).toEqual(['sana']);
    expect(a.framing.map((f) => f.frame)).toEqual(['withdrawal']);
    for (const e of a.entities) expect(t.slice(e.start, e.end).length).toBeGreaterThan(0);
  });

  it('analyses 5 MB of text in bounded time', () => {
    const para = 'سيطرت قوات الأسد على مطار كويرس العسكري بريف حلب الشرقي. وأفادت قناة "الميادين" التابعة لإيران أن التنظيم انسحب.\n';
    const big = para.repeat(Math.ceil(5_000_000 / para.length));
    const t0 = Date.now();
    const a = analyse(big);
    const n = big.length / para.length;
    expect(a.claims).toHaveLength(n);
    expect(a.framing).toHaveLength(n);
    expect(a.entities).toHaveLength(5 * n);
    // Generous bound: guards against quadratic blow-ups (seen before: 14 s for 2 MB), not a speed claim.
    expect(Date.now() - t0).toBeLessThan(120_000);
  });
});

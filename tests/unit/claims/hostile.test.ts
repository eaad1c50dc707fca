// Hostile input to the whole analysis: nothing may throw, every offset stays inside the text, and
// big inputs finish (the per-test timeout is the bound: a quadratic path takes minutes here).
import { describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../../lib/claims';

function offsetsValid(text: string, a: Analysis): void {
  for (const x of [...a.entities, ...a.framing, ...a.claims]) {
    expect(x.start).toBeGreaterThanOrEqual(0);
    expect(x.end).toBeLessThanOrEqual(text.length);
    expect(x.start).toBeLessThan(x.end);
  }
}

const MB5 = 5_000_000;

/**
 * `fn`'s result and the CPU seconds this process spent on it (user + system): unlike wall time, not
 * lengthened by other work on a loaded machine. Each budget below is about ten times what the work
 * takes (≈ 2.5 s for 5 MB of prose); a quadratic step (209 s for 1 MB once) is far past it.
 */
function cpu<T>(fn: () => T): { value: T; seconds: number } {
  const start = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(start);
  return { value, seconds: (used.user + used.system) / 1e6 };
}

describe('analyse on hostile input', () => {
  it('returns nothing for empty and blank text', () => {
    for (const t of ['', ' ', '\n\n\n', '\t \u00A0']) expect(analyse(t)).toEqual({ entities: [], claims: [], framing: [], naming: [] });
  });

  it('finds no Arabic claims or frames in text without Arabic, but Latin names still', () => {
    const latin = analyse('Nothing here. He said that nothing happened! Kweires airbase fell, SANA reported.');
    expect(latin.claims).toEqual([]);
    expect(latin.framing).toEqual([]);
    expect(latin.entities.map((e) => e.id)).toEqual(['kweires-airbase', 'sana']);
    expect(analyse('1234567890 !!! ??? ... ---')).toEqual({ entities: [], claims: [], framing: [], naming: [] });
  });

  it('survives control characters, unpaired surrogates and mixed scripts', () => {
    const t = '\u0000\u0007وأفادت\uD800 وكالة "سانا"\uDFFF أن\u202E قوات الأسد انسحبت من Kweires\u0008. 中文 русский עברית 😀';
    const a = analyse(t);
    expect(a.entities.map((e) => e.id)).toEqual(['sana', 'regime-forces', 'kweires-airbase']);
    expect(a.claims.map((c) => c.sourceId)).toEqual(['sana']);
    expect(a.framing.map((f) => f.frame)).toEqual(['withdrawal']);
    offsetsValid(t, a);
  });

  it('survives text made only of control characters, surrogates or marks', () => {
    const junk = [
      Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('').repeat(1000),
      '\uD800'.repeat(10_000) + '\uDFFF'.repeat(10_000),
      '\uDFFF\uD800'.repeat(10_000),
      'َُِّْ'.repeat(10_000),
      'ـ'.repeat(50_000),
      '"«»“”'.repeat(10_000),
    ];
    for (const t of junk) {
      const a = analyse(t);
      expect(a.claims).toEqual([]);
      offsetsValid(t, a);
    }
  });

  it('analyses 5 MB of news prose', { timeout: 300_000 }, () => {
    const para = 'سيطرت قوات الأسد على مطار كويرس العسكري بريف حلب الشرقي. وأفادت قناة "الميادين" التابعة لإيران أن التنظيم انسحب.\n';
    const big = para.repeat(Math.ceil(MB5 / para.length));
    const { value: a, seconds } = cpu(() => analyse(big));
    expect(seconds).toBeLessThan(30);
    const n = big.length / para.length;
    expect(a.claims).toHaveLength(n);
    expect(a.framing).toHaveLength(n);
    expect(a.entities).toHaveLength(5 * n);
  });

  it('analyses 5 MB without a single sentence break, full of names and cues', { timeout: 300_000 }, () => {
    // One "sentence" of chained attributions: each cue looks for its speaker among the names of its
    // sentence, which must not mean all of them (this took 209 s for 1 MB before bisection).
    const chain = 'نقلت وكالة سانا عن مصادر ميدانية قولها إن قوات الأسد و';
    const big = chain.repeat(Math.ceil(MB5 / chain.length));
    const { value: a, seconds } = cpu(() => analyse(big));
    expect(seconds).toBeLessThan(30);
    expect(a.entities.length).toBe(3 * Math.ceil(MB5 / chain.length));
    expect(a.claims).toHaveLength(1);
    expect(a.claims[0]!.sourceId).toBe('field-sources');
  });

  it('analyses 1 MB of one repeated cue word or one repeated name', { timeout: 300_000 }, () => {
    const cues = cpu(() => analyse('قال '.repeat(250_000)));
    expect(cues.value.claims).toEqual([]);
    const names = cpu(() => analyse('داعش '.repeat(200_000)));
    expect(names.value.entities).toHaveLength(200_000);
    expect(cues.seconds + names.seconds).toBeLessThan(15);
  });
});

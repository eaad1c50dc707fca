// Issue 18, item 1: a share prompt followed by many button names and one stray character froze
// the tab (205 s in one task). The prompt is still furniture; the bomb is a paragraph, read in
// linear time; and no line pattern runs over a huge line.
import { describe, expect, it } from 'vitest';
import { GENERIC_RULES, MAX_MARKER_LINE, splitBlocks } from '../../../lib/extract/lines';

const lines = (...text: string[]) => text.map((t) => ({ text: t }));
const isFurniture = (s: string) => GENERIC_RULES.furniture.some((r) => r.test(s));

describe('share prompts', () => {
  it('are still recognised, with or without separators', () => {
    for (const s of ['شارك: فيسبوك - تويتر', 'شارك فيسبوك تويتر واتساب', 'Share: Facebook | Twitter | X', 'مشاركة: فيسبوك، تويتر،', 'share facebook, whatsapp'])
      expect(isFurniture(s), s).toBe(true);
  });

  it('that carry other words are text', () => {
    for (const s of ['شارك: فيسبوك نشر الخبر', 'شارك فيسبوكي', 'Share: Xavier', 'شارك: فيسبوك فيسبوك !']) expect(isFurniture(s), s).toBe(false);
  });

  it('a share-line bomb (prompt, 30,000 names, "!") is read in linear time and kept as text', () => {
    const bomb = `شارك: ${'فيسبوك '.repeat(30_000)}!`;
    const t = performance.now();
    const r = splitBlocks(lines('عنوان الخبر', 'فقرة أولى من الخبر.', bomb), {});
    // Catastrophic backtracking takes minutes on 32 names; a linear read of 210,000 characters is
    // a few milliseconds. The bound is far from both.
    expect(performance.now() - t).toBeLessThan(2_000);
    expect(r.paragraphs).toHaveLength(2);
  });

  it('lines longer than MAX_MARKER_LINE are never taken for furniture or ends', () => {
    const long = `${'- '.repeat(MAX_MARKER_LINE)}`;
    expect(isFurniture(long)).toBe(true);
    const r = splitBlocks(lines('عنوان', 'فقرة.', long), {});
    expect(r.paragraphs).toHaveLength(2);
  });
});

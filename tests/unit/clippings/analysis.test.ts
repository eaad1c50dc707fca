// Entities and attribution of the quoted sentence, as saved with a clipping.
import { describe, expect, it } from 'vitest';
import { analyseQuote } from '../../../lib/clippings/analysis';
import { pageAsArticle } from '../../../lib/clippings/actions';
import { clipOf, fullClipping, seedArticle } from './fixtures';

describe('what a clipping records of its sentence', () => {
  it('the entities of the quoted sentence and who it is attributed to', () => {
    const c = fullClipping();
    const got = analyseQuote(c, seedArticle(0));
    expect(got.attribution).toEqual({ source: 'قناة "الميادين"', sourceType: 'pro-regime-media', cue: 'وأفادت' });
    const ids = got.entities!.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['al-mayadeen', 'regime-forces', 'kweires-airbase']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a few words of a sentence get the whole sentence\'s attribution, and nothing of other sentences', () => {
    const a = seedArticle(0);
    const part = clipOf(a, 2, 'تمكنت من', 'فك الحصار');
    expect(analyseQuote(part, a).attribution?.cue).toBe('وأفادت');
    const first = clipOf(a, 0, 'سقط مطار', 'الحلبي.');
    const got = analyseQuote(first, a);
    expect(got.entities!.map((e) => e.id)).not.toContain('al-mayadeen');
    expect(got.attribution).toBeNull();
  });

  it('a page that was not read as an article is analysed from the quote and its context', () => {
    const q = { quote: 'قوات الأسد تمكنت من فك الحصار عن مطار كويرس', prefix: 'وأفادت قناة "الميادين" أن ', suffix: ' العسكري.' };
    const got = analyseQuote(q, pageAsArticle('https://example.org/x', 'x'));
    expect(got.attribution?.cue).toBe('وأفادت');
    expect(got.entities!.map((e) => e.id)).toEqual(expect.arrayContaining(['regime-forces']));
  });
});

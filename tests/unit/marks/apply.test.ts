import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { applyMarks, removeMarks } from '../../../lib/marks/apply';
import { buildTextIndex, locateParagraphs, nodeAt, offsetIn, textIndexSteps } from '../../../lib/marks/text-index';
import { rng } from '../../../bench/rng';

function page(body: string) {
  const { document } = parseHTML(`<!doctype html><html><body><article>${body}</article></body></html>`);
  return document.querySelector('article') as unknown as Element;
}

describe('text index', () => {
  it('collapses whitespace like extraction does and finds paragraphs in order', () => {
    const root = page('<p>سقط   مطار\n<b>كويرس</b> العسكري</p><p>وأفادت قناة الميادين</p>');
    const index = buildTextIndex(root);
    const paras = ['سقط مطار كويرس العسكري', 'وأفادت قناة الميادين'];
    const at = locateParagraphs(index, paras);
    expect(at[0]).toBe(0);
    expect(index.text.slice(at[1]!, at[1]! + paras[1]!.length)).toBe(paras[1]);
  });

  it('maps every character of the collapsed text back to its node and offset', () => {
    const rand = rng(7);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const words = ['مطار', 'كويرس', 'قوات', 'الأسد', 'SANA', '١٢', ''];
    const spaces = [' ', '  ', '\n', ' \t ', '\u00a0', ''];
    for (let round = 0; round < 40; round++) {
      const text = () => Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(spaces) + pick(words) + pick(spaces)).join('');
      const block = () => {
        const tag = pick(['p', 'div', 'span', 'b']);
        return `<${tag}>${text()}<i>${text()}</i>${text()}</${tag}>`;
      };
      const root = page(Array.from({ length: 1 + Math.floor(rand() * 5) }, block).join(text()));
      const index = buildTextIndex(root);
      expect(index.text).not.toMatch(/ {2}/);
      for (let pos = 0; pos < index.text.length; pos++) {
        const k = nodeAt(index, pos);
        const data = index.nodes[k]!.data;
        const at = offsetIn(index, k, pos);
        expect(index.starts[k]!).toBeLessThanOrEqual(pos);
        expect(index.starts[k + 1]!).toBeGreaterThan(pos);
        if (index.text[pos] === ' ') expect(at === data.length || /[ \n\t\u00a0]/.test(data[at]!)).toBe(true);
        else expect(data[at]).toBe(index.text[pos]);
      }
    }
  });
});

describe('applyMarks', () => {
  it('wraps the named words, across element boundaries, and removes cleanly', async () => {
    const html = '<p>سقط   مطار <b>كويرس</b> العسكري بيد قوات الأسد</p><p>وأفادت قناة الميادين التابعة لإيران</p>';
    const root = page(html);
    const paras = ['سقط مطار كويرس العسكري بيد قوات الأسد', 'وأفادت قناة الميادين التابعة لإيران'];
    const p0 = paras[0]!;
    const p1 = paras[1]!;
    const marks = await applyMarks(root, paras, [
      { paragraph: 0, start: p0.indexOf('مطار'), end: p0.indexOf('العسكري') + 'العسكري'.length, kind: 'place', entity: 'place:kweires-airport' },
      { paragraph: 0, start: p0.indexOf('قوات'), end: p0.length, kind: 'actor', entity: 'actor:regime' },
      { paragraph: 1, start: p1.indexOf('قناة'), end: p1.indexOf('التابعة') - 1, kind: 'source', entity: 'source:almayadeen' },
    ]);
    const byKind = (k: string) => [...root.querySelectorAll(`mark[data-isnad-mark="${k}"]`)].map((m) => m.textContent).join('');
    // The place spans three text nodes (before <b>, inside it, after it).
    expect(byKind('place').replace(/\s+/g, ' ')).toBe('مطار كويرس العسكري');
    expect(byKind('actor')).toBe('قوات الأسد');
    expect(byKind('source')).toBe('قناة الميادين');
    expect(marks.length).toBeGreaterThanOrEqual(3);
    expect(root.querySelector('mark[data-isnad-mark="source"]')?.getAttribute('data-isnad-entity')).toBe('source:almayadeen');
    removeMarks(root);
    expect(root.querySelectorAll('mark').length).toBe(0);
    expect(root.textContent).toBe(page(html).textContent);
  });

  it('skips paragraphs the page no longer has, and marks out of range', async () => {
    const root = page('<p>نص الصفحة الحالي</p>');
    const made = await applyMarks(root, ['فقرة غير موجودة', 'نص الصفحة الحالي'], [
      { paragraph: 0, start: 0, end: 4, kind: 'place' },
      { paragraph: 1, start: 0, end: 2, kind: 'actor' },
      { paragraph: 5, start: 0, end: 2, kind: 'actor' },
    ]);
    expect(made.length).toBe(1);
    expect(made[0]!.textContent).toBe('نص');
  });
});

// On the page's main thread the index is built in tasks of a few thousand nodes (at the page's
// element bound one task took 20-33 ms of CPU): the same index, paused between slices.
describe('the text index in slices', () => {
  // An article after 12,000 empty elements (a hostile page's filler), then a tail.
  const big = () => page(`${'<i></i>'.repeat(12_000)}<p>سقط مطار كويرس العسكري بيد قوات الأسد</p><p>وأفادت قناة الميادين</p>${'<span>ذيل</span>'.repeat(3_000)}`);
  const paras = ['سقط مطار كويرس العسكري بيد قوات الأسد', 'وأفادت قناة الميادين'];

  it('pauses every few thousand nodes and gives the index built at once', () => {
    const steps = textIndexSteps(big(), undefined, paras);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(2);
    const once = buildTextIndex(big(), undefined, paras);
    expect(r.value.text).toBe(once.text);
    expect(Array.from(r.value.starts)).toEqual(Array.from(once.starts));
    expect(locateParagraphs(r.value, paras)).toEqual(locateParagraphs(once, paras));
    // A small article is one slice.
    const small = textIndexSteps(page('<p>نص قصير</p>'));
    expect(small.next().done).toBe(true);
  });

  it("a page that marks its own elements as ours is stepped over in slices too", () => {
    const root = page(`<div data-isnad="x">${'<b>ب</b>'.repeat(8_000)}</div><p>نص المقال هنا</p>`);
    const steps = textIndexSteps(root);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(r.value.text).toBe('نص المقال هنا ');
  });

  it('applyMarks on such a page marks the article, and stops between slices once aborted', async () => {
    const root = big();
    const marks = [{ paragraph: 0, start: paras[0]!.indexOf('مطار'), end: paras[0]!.indexOf('العسكري') + 'العسكري'.length, kind: 'place' as const }];
    const made = await applyMarks(root, paras, marks);
    expect(made.map((m) => m.textContent)).toEqual(['مطار كويرس العسكري']);
    const abort = new AbortController();
    const pending = applyMarks(big(), paras, marks, { signal: abort.signal });
    abort.abort();
    expect(await pending).toEqual([]);
  });
});

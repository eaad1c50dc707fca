// The seeds (saved page texts) → clean articles: the outlet from the text's own signatures, the
// title once, the body without comments, menus, share prompts or footer lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as extractCli } from '../../../cli/commands/extract';
import { extractFromText } from '../../../lib/extract/text';
import type { Article } from '../../../lib/types';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const seeds = JSON.parse(readFileSync(join(ROOT, 'data/seeds.json'), 'utf8')) as Array<{ file: string; outlet: string }>;
const path = (i: number) => join(ROOT, 'data', seeds[i]!.file);
const text = (i: number) => readFileSync(path(i), 'utf8');

// Lines of page furniture found in the seeds: none may reach the body.
const FURNITURE = [/^التعليقات/, /^الأكثر قراءة$/, /أهم المواضيع/, /أهم التصنيفات/, /^No stories found/, /^www\.eremnews\.com$/, /^إرم نيوز$/, /^logo$/, /^إدلب24$/, /^دع الآخرين/, /^آخر الأخبار$/, /بتوقيت حلب/, /^المصدر:/, /^مشاركة/, /^اقرأ أيضاً/, /^●/, /^ـ+/, /^\d+$/];

const comparable = (s: string) => s.replace(/\s+/g, ' ').trim();
function expectClean(a: Article) {
  const titleTimes = a.paragraphs.filter((p) => comparable(p).includes(comparable(a.title))).length;
  expect(titleTimes, 'title repeated in the body').toBe(0);
  for (const p of a.paragraphs) for (const f of FURNITURE) expect(p, `furniture ${f} in body`).not.toMatch(f);
  for (const c of a.comments) for (const p of a.paragraphs) expect(p.includes(c.split(': ').slice(1).join(': ')), 'comment text in the body').toBe(false);
}

describe('seeds as saved page text', () => {
  it.each(seeds.map((s, i) => [i, s.outlet] as const))('seed %i: outlet %s from the text itself, clean body', (i, outlet) => {
    const a = extractFromText(text(i));
    expect(a.outlet).toBe(outlet);
    expect(a.pageType).toBe('article');
    expect(a.title.length).toBeGreaterThan(10);
    expect(a.paragraphs.length).toBeGreaterThan(0);
    expectClean(a);
    expect([a.lang, a.dir]).toEqual(['ar', 'rtl']);
  });

  it('seed 000 (Orient): title once, nine body paragraphs, five comments kept apart, dated from their ages when the capture day is known', () => {
    const a = extractFromText(text(0), { captured: '2024-04-20' });
    expect(a.title).toBe('للمرة الرابعة في أقل من شهر ..تنظيم "الدولة" ينسحب أمام قوات الأسد');
    expect(a.paragraphs).toHaveLength(9);
    expect(a.paragraphs[0]).toMatch(/^سقط مطار كويرس العسكري/);
    expect(a.paragraphs.at(-1)).toMatch(/والبريج\.$/);
    expect(a.comments).toHaveLength(5);
    expect(a.comments[0]).toBe('nasser: انها هزائم بكل معنى الكلمة للتنظيم');
    expect(a.comments.at(-1)).toBe('سوري حر: ان خسارة جولة في معركة لا يعني ضعفا فلا يفرح اعداء الأسلام');
    expect(a.publishedAt).toMatchObject({ value: '2015-11', precision: 'month', source: 'relative' });
    // Without a capture day an age says nothing.
    expect(extractFromText(text(0)).publishedAt).toEqual({ value: null, precision: 'unknown', source: 'none' });
  });

  it('seed 001 (Orient): one comment, the body ends before it', () => {
    const a = extractFromText(text(1));
    expect(a.comments).toEqual(['البتار: بالله عليكم أما سئمتم الكذب والخداع']);
    expect(a.paragraphs.at(-1)).toMatch(/في حين تتواصل الاشتباكات في محيطه\.$/);
  });

  it('seed 002 (Idlib24): the date bar 2018-02-19 is reported as the served date, standing in for want of any other', () => {
    const a = extractFromText(text(2));
    expect(a.title).toBe('٣٠٠ عنصر من داعش يستسلمون لفصائل إدلب');
    expect(a.servedAt).toMatchObject({ value: '2018-02-19T05:45', precision: 'minute', source: 'served' });
    expect(a.publishedAt).toMatchObject({ value: '2018-02-19T05:45', source: 'served' });
    expect(a.paragraphs).toHaveLength(1);
    expect(a.paragraphs[0]).toMatch(/معلنة عن نهاية تنظيم داعش بشكل كامل في محافظة إدلب\.$/);
  });

  it('seed 003 (Shaam): dated 2017-10-22 from the section line, section and author from the page', () => {
    const a = extractFromText(text(3));
    expect(a.publishedAt).toMatchObject({ value: '2017-10-22', precision: 'day', source: 'byline' });
    expect(a.section).toBe('أخبار سورية');
    expect(a.author).toBe('فريق التحرير');
    expect(a.paragraphs[0]).toMatch(/^تتوالي الانسحابات/);
    expect(a.paragraphs.at(-1)).toMatch(/وصولاً لريفي إدلب وحلب\.$/);
  });

  it('seed 004 (Eram News): the title glued to itself appears once; the sub-heading stays in the body', () => {
    const a = extractFromText(text(4));
    expect(a.title).toBe('المعارضة السورية تحبط هجوماً لداعش على مدينة مارع بحلب');
    expect(a.paragraphs).toContain('النظام يستعد لتطهير حلب من "داعش"');
    expect(a.paragraphs[0]).toMatch(/^أفادت مصادر إعلامية معارضة/);
    expect(a.paragraphs.at(-1)).toMatch(/الواقعة تحت سيطرتها\.$/);
  });
});

describe('extract command', () => {
  it('reads a .txt seed and an .html fixture; --captured resolves ages', () => {
    const a = extractCli([path(0), '--captured', '2024-04-20', '--json']) as Article;
    expect([a.outlet, a.publishedAt.value]).toEqual(['orient-news', '2015-11']);
    const html = join(ROOT, 'tests/fixtures/shaam-1/page.html');
    const url = 'https://www.shaam.org/news/syria-news/قوات-الأسد-تصل-القورية';
    const b = extractCli([html, '--url', url, '--json']) as Article;
    expect([b.outlet, b.pageType, b.publishedAt.value]).toEqual(['shaam', 'article', '2017-10-22']);
  });

  it('names the bad argument and why', () => {
    expect(() => extractCli([path(0), '--captured', '2024-02-30'])).toThrow(/--captured: expected a day as YYYY-MM-DD, got "2024-02-30"/);
    expect(() => extractCli([path(0), '--url', 'nope'])).toThrow(/--url: not a URL: "nope"/);
    expect(() => extractCli(['/no/such/file.html'])).toThrow(/\/no\/such\/file\.html: no such file/);
    expect(() => extractCli([])).toThrow(/missing <file>/);
  });
});

// Every counted noun the UI shows, walked through 0, 1, 2, 3, 11 and 100 in Arabic and English:
// each count picks its own form (Arabic has six), writes the number as the language does, and
// no count is pasted into a sentence outside the plural entries.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clippingsImportParts } from '../../../components/ClippingsView';
import { importDoneText, recordsProgress } from '../../../entrypoints/options/import-progress';
import { countedMessage, formatNumber, PLURAL_CATEGORIES, pluralCategory, setMessages, tn, type Messages } from '../../../lib/i18n';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const load = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
const catalogues = { ar: load('ar'), en: load('en') };
const COUNTS = [0, 1, 2, 3, 11, 100];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}
const source = ['components', 'entrypoints', 'lib'].flatMap((d) => sourceFiles(join(ROOT, d))).map((f) => [f, readFileSync(f, 'utf8')] as const);
/** The counted messages the code shows: tn('base', …). */
const usedBases = new Set(source.flatMap(([, text]) => [...text.matchAll(/\btn\(\s*'([A-Za-z0-9]+)'/g)].map((m) => m[1]!)));
/** The counted messages the catalogues hold: `<base>_other`. */
const bases = new Set(Object.keys(catalogues.en).filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length)));

afterEach(() => setMessages('en', null));

describe('counted messages', () => {
  it('the code shows counts only through tn(), and every base it names has its forms', () => {
    expect(usedBases.size).toBeGreaterThanOrEqual(15);
    for (const b of usedBases) expect(bases.has(b), b).toBe(true);
    // A count formatted into a plain message ("String(n)" as a substitution) is the bug this replaced.
    const pasted = source.filter(([, text]) => /\bt\(\s*'[A-Za-z]+'[^)]*String\((?:[a-z.]*\.)?(?:length|count|reports|total|added|n)\b/.test(text)).map(([f]) => f);
    expect(pasted).toEqual([]);
  });

  it('Arabic writes all six forms, English one and other, and no plain message shares a base', () => {
    for (const b of bases) {
      for (const c of PLURAL_CATEGORIES) expect(catalogues.ar[`${b}_${c}`], `ar ${b}_${c}`).toBeDefined();
      for (const c of ['one', 'other']) expect(catalogues.en[`${b}_${c}`], `en ${b}_${c}`).toBeDefined();
      expect(catalogues.ar[b], b).toBeUndefined();
      expect(catalogues.en[b], b).toBeUndefined();
    }
  });

  for (const lang of ['ar', 'en'] as const) {
    it(`every counted message reads right for ${COUNTS.join(', ')} in ${lang}`, () => {
      for (const b of bases) {
        for (const n of COUNTS) {
          const text = countedMessage(catalogues[lang], lang, b, n, ['X'])!;
          const cat = pluralCategory(n, lang);
          expect(text, `${b} ${n}`).toBeTruthy();
          expect(text, `${b} ${n}`).not.toMatch(/\$/);
          // Arabic says one, two and none in words ("تقرير واحد", "تقريران"), never "1 تقرير".
          if (lang === 'ar' && ['zero', 'one', 'two'].includes(cat)) expect(text, `${b} ${n}`).not.toMatch(/\d/);
          else if (cat !== 'one') expect(text, `${b} ${n}`).toContain(formatNumber(n, lang));
        }
      }
    });
  }

  it('the Arabic forms of "report" follow the count', () => {
    const ar = (n: number) => countedMessage(catalogues.ar, 'ar', 'corpusCount', n);
    expect(COUNTS.map(ar)).toEqual([
      'لا تقارير في مجموعتك',
      'تقرير واحد في مجموعتك',
      'تقريران في مجموعتك',
      '3 تقارير في مجموعتك',
      '11 تقريرًا في مجموعتك',
      '100 تقرير في مجموعتك',
    ]);
    expect(countedMessage(catalogues.ar, 'ar', 'daysApart', 712)).toBe('بفارق 712 يومًا');
    expect(countedMessage(catalogues.ar, 'ar', 'paragraphCount', 9)).toBe('9 فقرات');
    expect(countedMessage(catalogues.ar, 'ar', 'daysLater', 2)).toBe('بعد يومين');
  });

  it('English says 1 report, 0 and 2 reports, with thousands separated', () => {
    const en = (n: number) => countedMessage(catalogues.en, 'en', 'corpusCount', n);
    expect([0, 1, 2].map(en)).toEqual(['0 reports in your corpus', '1 report in your corpus', '2 reports in your corpus']);
    expect(countedMessage(catalogues.en, 'en', 'hitCount', 12345)).toBe('12,345 reports found');
    expect(countedMessage(catalogues.en, 'en', 'importRecordsDone', 5, ['3'])).toBe('3 of 5 reports written');
  });

  it('tn() follows the UI language the reader chose', () => {
    setMessages('ar', catalogues.ar);
    expect(tn('reportCount', 2)).toBe('تقريران');
    setMessages('en', catalogues.en);
    expect(tn('reportCount', 2)).toBe('2 reports');
  });
});

describe('import summaries', () => {
  it('a re-import says how many were already in the corpus', () => {
    setMessages('en', catalogues.en);
    expect(importDoneText({ added: 0, already: 162, problems: [] })).toBe('Done: 0 reports added, 162 already in your corpus, and 0 problems.');
    expect(importDoneText({ added: 1, already: 0, problems: [{}] })).toBe('Done: 1 report added and 1 problem.');
    setMessages('ar', catalogues.ar);
    expect(importDoneText({ added: 0, already: 162, problems: [] })).toBe('اكتمل: لم يُضف أي تقرير و162 تقريرًا في مجموعتك من قبل ولا مشكلات.');
  });

  it('a clippings import names only the counts that happened', () => {
    setMessages('en', catalogues.en);
    expect(clippingsImportParts({ counts: { added: 3, updated: 0, kept: 2 }, problems: [] })).toBe('3 clippings added and 2 already saved');
    setMessages('ar', catalogues.ar);
    expect(clippingsImportParts({ counts: { added: 1, updated: 2, kept: 0 }, problems: [] })).toBe('أُضيف مقتطف واحد وحُدّث مقتطفان');
  });

  it('the import bar counts records, not files', () => {
    const run = { done: 0, total: 1, current: 'a.jsonl', added: 0, already: 0, problems: [], records: 0 };
    expect(recordsProgress({ ...run, part: { done: 2000, total: 5000 } })).toEqual({ value: 2000, max: 5000 });
    expect(recordsProgress({ ...run, done: 1, total: 2, current: 'b.jsonl', records: 5000, part: { done: 100, total: 400 } })).toEqual({ value: 5100, max: 5400 });
    expect(recordsProgress({ ...run, current: null })).toEqual({ value: 1, max: 1 });
  });
});

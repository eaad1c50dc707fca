// The two locales have the same keys with the same placeholders, and every key the code passes
// to t() exists (t() shows the raw key when a message is missing).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, type Messages } from '../../../lib/i18n';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const load = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages;
const ar = load('ar');
const en = load('en');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Keys passed to t('…') / t("…") in the extension's source. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const dir of ['components', 'entrypoints', 'lib']) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*['"]([A-Za-z0-9_]+)['"]/g)) used.set(m[1]!, file);
    }
  }
  return used;
}

const placeholderNames = (m: Messages, k: string) => Object.keys(m[k]?.placeholders ?? {}).sort();
const namesInText = (m: Messages, k: string) => [...new Set([...(m[k]?.message ?? '').matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase()))].sort();

describe('locale messages', () => {
  // A counted message's forms (`<base>_one`, `_few`…, see tests/unit/i18n/plurals.test.ts) are
  // each language's own: Arabic has six, English two, and "تقريران" names no number.
  const plain = (m: Messages) => Object.keys(m).filter((k) => !PLURAL.test(k)).sort();
  const PLURAL = /_(zero|one|two|few|many|other)$/;

  it('ar and en have the same keys (counted forms apart)', () => {
    expect(plain(ar)).toEqual(plain(en));
    const bases = (m: Messages) => Object.keys(m).filter((k) => k.endsWith('_other')).sort();
    expect(bases(ar)).toEqual(bases(en));
  });

  it('each message uses exactly the placeholders it declares, the same in both locales', () => {
    for (const m of [ar, en]) for (const k of Object.keys(m).filter((x) => PLURAL.test(x))) expect(namesInText(m, k), k).toEqual(placeholderNames(m, k));
    for (const k of plain(en)) {
      expect(placeholderNames(ar, k), k).toEqual(placeholderNames(en, k));
      for (const m of [ar, en]) expect(namesInText(m, k), k).toEqual(placeholderNames(m, k).map((n) => n.toLowerCase()));
    }
  });

  it('every key used in the code exists in both locales', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([k]) => !(k in en) || !(k in ar)).map(([k, f]) => `${k} (${f})`);
    expect(missing).toEqual([]);
  });

  it('no message is empty, and the Arabic text is Arabic', () => {
    for (const k of plain(en)) {
      expect(en[k]!.message.trim(), k).not.toBe('');
      // Every Arabic message holds Arabic letters, except names and formats shared by both.
      if (!/^[\s\d$A-Z_.·:…()/%-]*$/i.test(ar[k]!.message.replace(/\$[A-Z_]+\$/g, ''))) expect(ar[k]!.message, k).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('formats substitutions the way browser.i18n does', () => {
    expect(formatMessage(en, 'importingFile', ['a.jsonl', '2', '5'])).toBe('Importing a.jsonl (2 of 5)…');
    expect(formatMessage(ar, 'shownOf', ['3', '10'])).toBe('معروض 3 من 10');
    expect(formatMessage(en, 'noSuchKey')).toBeNull();
  });
});

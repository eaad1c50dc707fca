// Issue 18, item 9 (text): dates are real days, links are http(s) only, invisible characters never
// split a word, one decoder reads every encoding the same in the command line and the options
// page, and text that is not a report (undecodable bytes, no prose) is refused with a reason.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { run as corpus } from '../../../cli/commands/corpus';
import { run as xref } from '../../../cli/commands/xref';
import { readInput } from '../../../cli/read';
import { tokenize } from '../../../lib/arabic/tokenize';
import { decodeText, sniffEncoding } from '../../../lib/corpus/decode';
import { parseTextReport, validateRecord } from '../../../lib/corpus/formats';
import { safeHref } from '../../../lib/safe-href';

const dir = mkdtempSync(join(tmpdir(), 'isnad-hostile-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const real = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
const base = { url: 'https://www.shaam.org/news/1', outlet: 'shaam', title: 'عنوان', text: 'نص الخبر كاملا هنا كما نشره الموقع اليوم.' };

describe('dates are real days', () => {
  it.each(['2024-13-45', '2024-02-30', '2023-02-29', '2024-00-10', '2024-04-31'])('%s is refused, naming the field', (d) => {
    expect(validateRecord({ ...base, publishedAt: d })).toBe(`field "publishedAt" is not a real day (${d})`);
  });
  it('real days (a leap day too) are kept', () => {
    for (const d of ['2024-02-29', '2025-12-31', '2000-02-29']) expect(validateRecord({ ...base, publishedAt: d })).toMatchObject({ publishedAt: d });
    expect(validateRecord({ ...base, publishedAt: '2024-05-01T10:00:00Z' })).toMatchObject({ publishedAt: '2024-05-01' });
  });
});

describe('links are http(s) only', () => {
  const hostile = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>x</script>', 'file:///etc/passwd', 'blob:https://x/1', 'vbscript:x', 'https//no-colon', 'chrome-extension://abc/options.html'];
  it.each(hostile)('a record with url %j is refused, naming the field', (url) => {
    expect(validateRecord({ ...base, url })).toBe('field "url" is not an http(s) address');
    expect(safeHref(url)).toBeUndefined();
  });
  it('http(s) addresses are kept and linked', () => {
    for (const url of ['https://www.shaam.org/a', 'http://example.com/x?y=1#z', 'HTTPS://EXAMPLE.COM/']) {
      expect(validateRecord({ ...base, url })).toMatchObject({ url });
      expect(safeHref(url)).toBe(url);
    }
  });

  it('every href the extension renders goes through safeHref or reportTarget', () => {
    const files = execSync("git ls-files 'components/*.tsx' 'entrypoints/**/*.tsx'", { encoding: 'utf8' }).trim().split('\n');
    const bad: string[] = [];
    for (const f of files) {
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const walk = (n: ts.Node): void => {
        if (ts.isJsxAttribute(n) && n.name.getText(sf) === 'href' && n.initializer && ts.isJsxExpression(n.initializer)) {
          const e = n.initializer.expression!.getText(sf);
          if (!/^(?:safeHref|reportTarget)\(/.test(e)) bad.push(`${f}: href={${e}}`);
        }
        ts.forEachChild(n, walk);
      };
      walk(sf);
    }
    expect(bad).toEqual([]);
  });
});

describe('invisible characters never split a word', () => {
  const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u00AD', '\u061C', '\u2060'];
  /** Each word gets invisible characters inside it and around it, varied by position. */
  const lace = (text: string) => {
    let k = 0;
    return text.replace(/[\u0621-\u064A]{3,}/g, (w) => {
      const a = INVISIBLE[k++ % INVISIBLE.length]!;
      const b = INVISIBLE[k++ % INVISIBLE.length]!;
      return `${b}${w.slice(0, 2)}${a}${w.slice(2)}${b}`;
    });
  };

  it('tokens of a laced text are the clean text’s', () => {
    for (const r of real.slice(0, 20)) expect(tokenize(lace(r.text!)).map((t) => t.text)).toEqual(tokenize(r.text!).map((t) => t.text));
  });

  it('xref on a laced copy finds what it finds on the clean copy', async () => {
    // A report the corpus does not hold (it would find itself in the clean copy only).
    const r = real[7]!;
    const others = join(dir, 'others.jsonl');
    writeFileSync(others, real.filter((x) => x !== r).map((x) => JSON.stringify(x)).join('\n'));
    const clean = join(dir, 'clean.txt');
    const laced = join(dir, 'laced.txt');
    writeFileSync(clean, `${r.title}\n${r.text}`);
    writeFileSync(laced, lace(`${r.title}\n${r.text}`));
    const args = ['--corpus', others, '--no-builtin', '--json'];
    const a = (await xref([clean, ...args])) as { related: Array<{ id: string }> };
    const b = (await xref([laced, ...args])) as { related: Array<{ id: string }> };
    expect(a.related.length).toBeGreaterThan(2);
    expect(b.related.map((x) => x.id)).toEqual(a.related.map((x) => x.id));
  }, 60_000);
});

describe('one decoder for every encoding (command line and options page)', () => {
  const text = `{"url":"https://www.shaam.org/n/1","outlet":"shaam","title":"قصف على إدلب","text":"${'قالت مصادر محلية إن القصف استهدف ريف إدلب الجنوبي. '.repeat(60)}"}\n`;
  const utf16 = (s: string, be: boolean) => {
    const b = Buffer.from(s, 'utf16le');
    if (be) b.swap16();
    return b;
  };
  const forms: Record<string, (s: string) => Buffer> = {
    'UTF-8': (s) => Buffer.from(s, 'utf8'),
    'UTF-8 with BOM': (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]),
    'UTF-16 LE with BOM': (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(s, false)]),
    'UTF-16 BE with BOM': (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(s, true)]),
    'UTF-16 LE without BOM': (s) => utf16(s, false),
  };

  it.each(Object.keys(forms))('%s: decoded alike, and imported alike at every size', async (name) => {
    for (const copies of [1, 40, 200]) {
      const content = text.replace(/"url":"([^"]+)"/, (_m, u: string) => `"url":"${u}"`).repeat(1);
      const lines = Array.from({ length: copies }, (_, i) => content.replace('/n/1', `/n/${i}`)).join('');
      const bytes = forms[name]!(lines);
      expect(decodeText(new Uint8Array(bytes))).toBe(lines);
      const file = join(dir, `${name.replace(/\W+/g, '-')}-${copies}.jsonl`);
      writeFileSync(file, bytes);
      const out = (await corpus(['import', file, '--store', join(dir, `${name.replace(/\W+/g, '-')}-${copies}`, 's.jsonl')])) as { imports: Array<{ added: number; problems: unknown[] }> };
      expect(out.imports[0], `${name}, ${bytes.length} bytes`).toMatchObject({ added: copies, problems: [] });
      expect(readInput(file)).toBe(lines);
    }
  }, 60_000);

  it('a file over 16 MB with a BOM (once refused at that size) imports as a small one, UTF-8 and UTF-16', async () => {
    for (const [name, form] of [['UTF-8 with BOM', forms['UTF-8 with BOM']!], ['UTF-16 LE with BOM', forms['UTF-16 LE with BOM']!]] as const) {
      // Two records 17 MB apart (blank lines of spaces between them): the file is read in streamed parts.
      const lines = `${text}${`${' '.repeat(1024 * 1024)}\n`.repeat(17)}${text.replace('/n/1', '/n/2')}`;
      const file = join(dir, `big-${name.replace(/\W+/g, '-')}.jsonl`);
      writeFileSync(file, form(lines));
      const out = (await corpus(['import', file, '--store', join(dir, `big-${name.replace(/\W+/g, '-')}`, 's.jsonl')])) as { imports: Array<{ added: number; problems: unknown[] }> };
      expect(out.imports[0], name).toMatchObject({ added: 2, problems: [] });
    }
  }, 120_000);

  it('tells the encodings apart from the first bytes', () => {
    expect(sniffEncoding(new Uint8Array(forms['UTF-16 BE with BOM']!('abc')))).toEqual({ encoding: 'utf-16be', bom: 2 });
    expect(sniffEncoding(new Uint8Array(forms['UTF-8']!('قصف')))).toEqual({ encoding: 'utf-8', bom: 0 });
  });
});

describe('text that is not a report is refused with a reason', () => {
  it('a megabyte of random bytes (no NUL) is not text', () => {
    let seed = 7;
    const bytes = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = 1 + ((seed >>> 16) % 255);
    }
    const file = join(dir, 'random.txt');
    writeFileSync(file, bytes);
    expect(() => readInput(file)).toThrow(/random\.txt: not text: \d+% of its characters are undecodable/);
    expect(() => decodeText(new Uint8Array(bytes))).toThrow(/undecodable/);
  });

  it('a shopping list, a table of numbers and a menu are not reports', () => {
    for (const t of ['Eggs\nMilk\nBread\nTwo apples\nButter\nCoffee beans', '12 45 78\n3 4 5\n99 100 101', 'الرئيسية\nأخبار\nتقارير\nاتصل بنا'])
      expect(() => parseTextReport('x.txt', t)).toThrow(/no Arabic or English prose/);
  });

  it('a report in Arabic or English is one', () => {
    expect(parseTextReport('r.txt', `${real[0]!.title}\n${real[0]!.text}`).title).toBe(real[0]!.title);
    expect(parseTextReport('e.txt', 'Shelling in Idlib\nLocal sources said the shelling targeted the southern countryside of Idlib on Monday.').title).toBe('Shelling in Idlib');
  });

  it('binary data (a NUL) is refused, as before', () => {
    const file = join(dir, 'nul.txt');
    writeFileSync(file, Buffer.from([0x41, 0, 0x42, 0x43, 0x44, 0x45]));
    expect(() => readInput(file)).toThrow(/nul\.txt: binary file, not text/);
  });
});

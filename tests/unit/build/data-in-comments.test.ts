import { describe, expect, it } from 'vitest';
import { dataInComments, literalValue } from '../../../scripts/data-in-comments';

// What a classic script's `var x = …` holds once run (the bundle's own shape: declarations, then code).
// new Function here runs only code strings this test builds itself from its own constants, in Node:
// no page, corpus or imported text ever reaches it.
const run = (code: string, name: string): unknown => new Function(`${code}\nreturn ${name};`)() as unknown;

// JSON with what a comment or a template literal could trip on: `*/` and `/*` in a string, a
// backtick, `${`, a backslash, Arabic, and enough of it to pass the size floor.
const DATA = { note: 'a */ b /* c `d` ${e} \\ f', ar: 'قوات النظام تقصف مدينة حلب', list: Array.from({ length: 400 }, (_, i) => ({ id: `place-${i}`, name: 'مدينة' })) };
const TEXT = JSON.stringify(DATA);
const asTemplate = (s: string) => '`' + s.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${') + '`';

describe('dataInComments (the service worker bundle\'s data out of string literals)', () => {
  it('gives the same values from comments, for template and quoted literals', () => {
    for (const lit of [asTemplate(TEXT), JSON.stringify(TEXT)]) {
      const code = `var x=(function(){var a=JSON.parse(${lit}),b=1;return {a,b}})();`;
      const out = dataInComments(code);
      expect(out.moved).toBe(1);
      expect(out.code).not.toContain(lit);
      expect(run(out.code, 'x')).toEqual(run(code, 'x'));
      expect(run(out.code, 'x')).toEqual({ a: DATA, b: 1 });
    }
  });

  it('leaves small literals, literals that are not JSON and other calls as they are', () => {
    const notJson = asTemplate(`{${'x'.repeat(20_000)}`);
    const code = `var x=[JSON.parse(\`{"a":1}\`),JSON.parse(String(1)),(()=>{try{return JSON.parse(${notJson})}catch{return 'bad'}})()];`;
    expect(dataInComments(code)).toEqual({ code, moved: 0 });
    expect(run(code, 'x')).toEqual([{ a: 1 }, 1, 'bad']);
  });

  it('reads a literal\'s escapes as JavaScript does', () => {
    for (const s of ['a\\b', 'é\u2028ح', 'tab\there\nline', '`${x}`', "it's \"q\"", '\u{1F600}']) {
      expect(literalValue(JSON.stringify(s))).toBe(s);
      expect(literalValue(asTemplate(s))).toBe(s);
    }
    expect(literalValue('"\\x41\\u0042\\u{43}"')).toBe('ABC');
    expect(literalValue('"\\1"')).toBeNull();
  });
});

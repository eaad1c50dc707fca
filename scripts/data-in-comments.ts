// The service worker's data (the gazetteer, the names table, the event model's word frequencies:
// ≈ 337,000 characters of JSON) held in comments of never-called functions, read back with
// Function.prototype.toString, instead of as string literals the bundle passes to JSON.parse. A
// stopped worker parses its whole bundle again at each start; a string literal is copied out and
// its text hashed as the script is parsed, a comment only skipped. Measured (bench/RESULTS.md,
// session 18, restart19): the same build with and without, side by side, a stopped worker's
// first reply ≈ 5-7 ms less CPU. Fetching the same data from a file of the extension instead was
// slower (≈ 14 ms more to the reply: a just-started worker's fetch).
//
// Done on the background's bundle once minified (a minifier drops comments): each
// `JSON.parse(<literal>)` of a string or template literal of at least `MIN_CHARS` that decodes to
// valid JSON becomes `JSON.parse(<text of a comment>)`; the literal's JSON, its value unchanged, in
// the comment (`*/` written `*\/`, the same JSON inside a string, the only place JSON can have it).
import type { Plugin } from 'vite';

const MIN_CHARS = 10_000;
const DATA_CALL = /JSON\.parse\((`(?:[^`\\$]|\\[\s\S]|\$(?!\{))*`|"(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*')\)/g;
const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** The value of a JS string or template literal without substitutions (its quotes included), or
 *  null when it has an escape this does not read (then left as it is). */
export function literalValue(lit: string): string | null {
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      // A template literal's raw line breaks: CR and CRLF read as LF.
      if (c === '\r') {
        if (body[i + 1] === '\n') i++;
        out += '\n';
      } else out += c;
      continue;
    }
    const e = body[++i]!;
    if (e === 'u') {
      const m = /^\{([0-9a-fA-F]{1,6})\}|^([0-9a-fA-F]{4})/.exec(body.slice(i + 1));
      if (!m) return null;
      out += String.fromCodePoint(parseInt(m[1] ?? m[2]!, 16));
      i += m[0].length;
    } else if (e === 'x') {
      const h = body.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) return null;
      out += String.fromCharCode(parseInt(h, 16));
      i += 2;
    } else if (e === '\n' || e === '\u2028' || e === '\u2029') {
      // A line continuation: nothing.
    } else if (e === '\r') {
      if (body[i + 1] === '\n') i++;
    } else if (e in SIMPLE) {
      if (e === '0' && /[0-9]/.test(body[i + 1] ?? '')) return null; // a legacy octal escape
      out += SIMPLE[e];
    } else if (/[1-9]/.test(e)) {
      return null;
    } else out += e;
  }
  return out;
}

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The background's code with its large JSON data literals moved into comments; `moved`: how many. */
export function dataInComments(code: string, minChars = MIN_CHARS): { code: string; moved: number } {
  const holders: string[] = [];
  const body = code.replace(DATA_CALL, (call, lit: string) => {
    if (lit.length < minChars) return call;
    const text = literalValue(lit);
    if (text === null || !isJson(text)) return call;
    const name = `__isnadData${holders.length}`;
    holders.push(`function ${name}(){/*${text.replaceAll('*/', '*\\/')}*/}`);
    return `JSON.parse(__isnadDataText(${name}))`;
  });
  if (!holders.length) return { code, moved: 0 };
  // Classic scripts (the service worker, Firefox's event page): function declarations at the top
  // are in scope inside the bundle's own function.
  // Safe: this code string is written into our own bundle at build time, not evaluated from any
  // input; what it reads back is the project's own data files' JSON, given only to JSON.parse
  // (never run). Function.prototype.toString reads a function's source text; no eval, no
  // new Function, so the extension's CSP (no 'unsafe-eval') holds.
  const text = "function __isnadDataText(f){const s=Function.prototype.toString.call(f);return s.slice(s.indexOf('/*')+2,s.lastIndexOf('*/'))}";
  return { code: `${text}\n${holders.join('\n')}\n${body}`, moved: holders.length };
}

/** The build's plugin: the background's bundle only (the pages parse theirs once per load). */
export const backgroundDataInComments = (): Plugin => ({
  name: 'isnad-data-in-comments',
  enforce: 'post',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || chunk.fileName !== 'background.js') continue;
      const out = dataInComments(chunk.code);
      // The data literals are there in every build: none found means the bundle's form changed.
      if (out.moved === 0) throw new Error('background.js: no JSON data literal found to move into comments; review scripts/data-in-comments.ts');
      chunk.code = out.code;
    }
  },
});

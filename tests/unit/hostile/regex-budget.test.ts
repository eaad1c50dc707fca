// Every regular expression of lib/ has a bounded cost on hostile text. Each pattern (the literals
// of every module, read from the sources, and the patterns the modules build with new RegExp or
// export) runs over adversarial strings built from its own words: long repeats of each literal it
// names, with and without separators, ending in a character that makes the match fail (the
// near-miss that sends a backtracking pattern through every way of splitting the run). A linear
// pattern scans ~50,000 characters in a millisecond or two; a catastrophic one takes seconds to
// minutes, so a generous budget (loaded 2-core machine) still tells them apart. The patterns run
// in a worker so that one which never ends is stopped and named instead of hanging the run.
// Wall-clock time on a shared machine includes time the thread was not running (Node 20 has no
// per-thread CPU clock), so an input over the budget is run again, up to REPEATS times, and its
// fastest run counts: preemption can stretch one run, but a backtracking pattern is slow every time.
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const BUDGET_MS = 250;
const HANG_MS = 20_000;
const REPEATS = 5;
const LENGTH = 50_000;

interface Pattern {
  where: string;
  source: string;
  /** Every place the same pattern appears. */
  also?: string[];
  flags: string;
}

const root = new URL('../../../', import.meta.url);
// Beside lib/: the build step whose patterns scan the whole service-worker bundle (a pattern that
// backtracked there would hang every build).
const BUILD_SCRIPTS = ['scripts/data-in-comments.ts'];
const files = [
  ...execSync("git ls-files 'lib/*.ts' 'lib/**/*.ts' 'lib/*.tsx' 'lib/**/*.tsx'", { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter((f) => !f.endsWith('.d.ts')),
  ...BUILD_SCRIPTS,
];

/** Every regular-expression literal in lib/, with its file and line. */
function literalPatterns(): Pattern[] {
  const out: Pattern[] = [];
  for (const f of files) {
    const text = readFileSync(new URL(f, root), 'utf8');
    const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
    const walk = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = node.getText(sf);
        const end = lit.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        out.push({ where: `${f}:${line}`, source: lit.slice(1, end), flags: lit.slice(end + 1) });
      }
      ts.forEachChild(node, walk);
    };
    walk(sf);
  }
  return out;
}

/** RegExps reachable from a module's exports (rules objects, arrays of patterns, maps). */
function exportedPatterns(where: string, value: unknown, out: Pattern[], seen = new Set<unknown>(), depth = 0): void {
  if (value instanceof RegExp) {
    out.push({ where, source: value.source, flags: value.flags });
    return;
  }
  if (!value || typeof value !== 'object' || seen.has(value) || depth > 4) return;
  seen.add(value);
  const items = value instanceof Map ? [...value.values()] : Array.isArray(value) ? value : Object.values(value);
  for (const v of items) exportedPatterns(where, v, out, seen, depth + 1);
}

/** Patterns the modules build at load time: new RegExp(...) while lib/ is imported. */
async function builtAndExported(): Promise<Pattern[]> {
  const out: Pattern[] = [];
  const Original = globalThis.RegExp;
  let current = '';
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args, newTarget) {
      const re = Reflect.construct(target, args, newTarget) as RegExp;
      if (current) out.push({ where: `${current} (new RegExp)`, source: re.source, flags: re.flags });
      return re;
    },
  });
  try {
    for (const f of files) {
      if (f.endsWith('.tsx')) continue;
      current = f;
      try {
        const mod = (await import(/* @vite-ignore */ new URL(f, root).href)) as Record<string, unknown>;
        current = '';
        for (const [name, v] of Object.entries(mod)) exportedPatterns(`${f} export ${name}`, v, out);
      } catch {
        // A module that needs the browser's APIs: its literals are still read from its source.
      }
    }
  } finally {
    current = '';
    globalThis.RegExp = Original;
  }
  return out;
}

// A module builds its patterns once, when first imported: later imports build none.
let loaded: Promise<Pattern[]> | null = null;
const loadPatterns = () => (loaded ??= builtAndExported());

// The words a pattern names (runs of letters between its syntax), and characters every pattern
// may meet: the repeats an attacker would try first.
const COMMON = [' ', 'a', 'ا', '1', '١', '.', '-', ':', '\u200c', 'ـ', '\n', '،', 'و', 'في ', '\u00a0'];

export function atomsOf(source: string): string[] {
  const words = source
    .replace(/\\[pPu]\{[^}]*\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\./g, ' ')
    .split(/[^\p{L}\p{M}\d٠-٩]+/u)
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, 24);
}

/** Strings that make a backtracking pattern try every split of a long run, each ~LENGTH long. */
export function adversarial(source: string): string[] {
  const atoms = atomsOf(source);
  const head = atoms[0] ? `${atoms[0]}: ` : '';
  const out: string[] = [];
  const fill = (unit: string) => unit.repeat(Math.max(1, Math.floor(LENGTH / unit.length)));
  for (const a of [...atoms, ...COMMON]) {
    out.push(`${head}${fill(`${a} `)}!`);
    out.push(`\u0000${fill(a)}!`);
    out.push(`${head}${fill(`${a} - `)}\u0000`);
  }
  if (atoms.length > 1) out.push(`${head}${fill(`${atoms.join(' ')} `)}!`);
  return out;
}

const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ source, flags, inputs, budget, repeats }) => {
  const re = new RegExp(source, flags);
  const run = (s) => {
    const t = performance.now();
    re.lastIndex = 0;
    s.search(re);
    if (re.global) s.replace(re, '');
    return performance.now() - t;
  };
  let worst = 0, worstAt = -1;
  for (let i = 0; i < inputs.length; i++) {
    const s = inputs[i];
    parentPort.postMessage({ running: i });
    let ms = run(s);
    for (let k = 1; ms > budget && k < repeats; k++) ms = Math.min(ms, run(s));
    if (ms > worst) { worst = ms; worstAt = i; }
  }
  parentPort.postMessage({ done: true, worst, worstAt });
});
`;

interface Outcome {
  worst: number;
  input: string;
}

/** Runs each pattern over its adversarial strings; a pattern that runs past HANG_MS is stopped. */
async function measure(patterns: Pattern[], hangMs = HANG_MS, inputsOf: (source: string) => string[] = adversarial): Promise<Map<Pattern, Outcome>> {
  const results = new Map<Pattern, Outcome>();
  let worker = new Worker(WORKER, { eval: true });
  try {
    for (const p of patterns) {
      const inputs = inputsOf(p.source);
      const outcome = await new Promise<Outcome>((resolve, reject) => {
        let running = -1;
        let timer = setTimeout(() => undefined, 0);
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            worker.removeAllListeners('message');
            void worker.terminate();
            worker = new Worker(WORKER, { eval: true });
            resolve({ worst: Infinity, input: inputs[running] ?? '' });
          }, hangMs);
        };
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        worker.on('error', reject);
        worker.on('message', (m: { running?: number; done?: boolean; worst?: number; worstAt?: number }) => {
          if (m.running !== undefined) {
            running = m.running;
            arm();
          } else if (m.done) {
            clearTimeout(timer);
            resolve({ worst: m.worst!, input: inputs[m.worstAt!] ?? '' });
          }
        });
        arm();
        worker.postMessage({ source: p.source, flags: p.flags, inputs, budget: BUDGET_MS, repeats: REPEATS });
      });
      results.set(p, outcome);
    }
  } finally {
    await worker.terminate();
  }
  return results;
}

const describeInput = (s: string) => `${JSON.stringify(s.slice(0, 40))}… (${s.length} chars)`;

describe('every regular expression of lib/ has a bounded cost', () => {
  it('finds the patterns: literals in every module, and those built or exported at load', async () => {
    const lits = literalPatterns();
    expect(lits.length).toBeGreaterThan(200);
    expect(lits.some((p) => p.where.startsWith('lib/extract/lines.ts'))).toBe(true);
    const built = await loadPatterns();
    expect(built.some((p) => p.where.startsWith('lib/arabic/dates.ts'))).toBe(true);
    // Patterns with a repetition nested in a repetition, built at load from parts: the English
    // tolls' "18 [up to three words] killed" (lib/events/signature.ts) is among those measured.
    expect(built.some((p) => p.source.includes('[a-z]+\\s+){0,3}?') && p.source.includes('killed'))).toBe(true);
  });

  it('bounds the English tolls\' nested word repetition on a number before a long run of words', async () => {
    const built = (await loadPatterns()).filter((p) => p.source.includes('[a-z]+\\s+){0,'));
    expect(built.length).toBeGreaterThanOrEqual(3);
    // The near-miss that would send "(?:word\s+){0,3}" through every split: numbers, each followed
    // by words and spaces that never end in "killed", over the whole length.
    const hostile = `${'at least 18 men women children elderly '.repeat(LENGTH / 40)}!`;
    const results = await measure(built, HANG_MS, () => [hostile]);
    for (const [p, o] of results) expect(o.worst, `${p.where} on ${describeInput(o.input)}`).toBeLessThan(BUDGET_MS);
  });

  it("bounds the Arabic lede patterns with nested repetition (a relative clause, a page's publishing stamp) on their near-misses", async () => {
    const built = await loadPatterns();
    // lib/events/relative-clauses.ts: "التي (كان|كانت|قد\s+){0,2} اندلعت …"; lib/events/page-stamps.ts:
    // the publishing words, then "(يوم\s+)?weekday[\s,-]*" inside an optional group, anchored at the end.
    const clause = built.filter((p) => p.source.includes('(?:كان|كانت|قد)\\s+){0,2}'));
    const stamp = built.filter((p) => p.source.includes('منشور') && p.source.includes('(?:يوم\\s+)?'));
    expect(clause.length).toBeGreaterThanOrEqual(1);
    expect(stamp.length).toBeGreaterThanOrEqual(1);
    const n = LENGTH / 10;
    const hostile = [
      `${'التي كانت قد كان '.repeat(n / 2)}!`,
      `التي ${'كانت قد '.repeat(n)}ذهب`,
      `${'التي اندلعت '.repeat(n)}`,
      `نشر ${'يوم الخميس , - '.repeat(n)}x`,
      `تاريخ النشر${' :,-|'.repeat(n)}يوم ${' '.repeat(LENGTH)}الجمعة x`,
    ];
    const results = await measure([...clause, ...stamp], HANG_MS, () => hostile);
    for (const [p, o] of results) expect(o.worst, `${p.where} on ${describeInput(o.input)}`).toBeLessThan(BUDGET_MS);
  });

  it("bounds the answered incident's pattern (يأتي, up to two words, then بعد/رداً على …) on its near-misses", async () => {
    // lib/events/earlier-incidents.ts: "[يت][اأ]تي(?:\s+word){0,2}?\s+(?:بعد|…)" — a word repetition
    // holding a space repetition, tried at each يأتي of a sentence.
    // Built when lib/events is first imported: found by its words, whichever module's import built it.
    const built = (await loadPatterns()).filter((p) => p.source.includes('[يت][اأ]تي') && p.source.includes('){0,2}?'));
    expect(built.length).toBeGreaterThanOrEqual(1);
    const n = LENGTH / 10;
    const hostile = [`${'يأتي ذلك    هذا '.repeat(n / 2)}!`, `تأتي${' '.repeat(LENGTH)}ذلك x`, `${'وياتي '.repeat(n)}رد`, `${'تاتي الضربات '.repeat(n)}على`];
    const results = await measure(built, HANG_MS, () => hostile);
    for (const [p, o] of results) expect(o.worst, `${p.where} on ${describeInput(o.input)}`).toBeLessThan(BUDGET_MS);
  });

  it("bounds the night's second weekday (a run of spaces, then a dash or slash and spaces, in an optional part) and the past night on their near-misses", async () => {
    const built = await loadPatterns();
    // lib/events/nights.ts: "^\s*(?:[-/]\s*|(?:علي|الي)\s+|و)?(?:ال)?weekday", read on a slice of 16
    // characters after the night's first weekday, and "الليله\s+الماضيه"; here on whole hostile runs.
    // (Built when another module first imports nights.ts: found by their sources, not their module.)
    const second = built.filter((p) => p.source.includes('(?:علي|الي)\\s+|و)?'));
    const night = [...literalPatterns(), ...built].filter((p) => p.source.includes('الليله\\s+الماضيه'));
    expect(second.length).toBeGreaterThanOrEqual(1);
    expect(night.length).toBeGreaterThanOrEqual(1);
    const n = LENGTH / 10;
    const hostile = [`${' '.repeat(LENGTH)}-x`, `${' - / '.repeat(n)}الx`, `${'علي '.repeat(n)}x`, `الليله${' '.repeat(LENGTH)}الماضx`, `${'الليله '.repeat(n)}x`];
    const results = await measure([...second, ...night], HANG_MS, () => hostile);
    for (const [p, o] of results) expect(o.worst, `${p.where} on ${describeInput(o.input)}`).toBeLessThan(BUDGET_MS);
  });

  it("bounds the page furniture's dateline and date line (a city's second word, an agency, a year, each optional) on their near-misses", async () => {
    const built = await loadPatterns();
    // lib/events/page-furniture.ts: "^\s*CITY(?:\sWORD)?\s?(?:/\s?AGENCY{1,20}?\s?)?(?:\(…\)\s?)?[-–—]" and a
    // date "\d{1,2}\s?[/-]?\s?MONTH(?:\s?[/-,]?\s?\d{4})?": repetitions inside optional parts.
    const dateline = built.filter((p) => p.source.includes('[A-Za-z\\u0621-\\u064A. ]{1,20}?'));
    const date = built.filter((p) => p.source.includes('(?:من\\s)?') && p.source.includes('\\d{4})?|'));
    expect(dateline.length).toBeGreaterThanOrEqual(1);
    expect(date.length).toBeGreaterThanOrEqual(1);
    const n = LENGTH / 10;
    const hostile = [`${' '.repeat(LENGTH)}دمشق x`, `دمشق ${'ريف '.repeat(n)}-`, `حلب/${'ab. '.repeat(n)}-`, `${'1 / 2 - '.repeat(n)}x`, `${'12 مايو '.repeat(n)}`, `حلب (${'('.repeat(LENGTH)}`];
    const results = await measure([...dateline, ...date], HANG_MS, () => hostile);
    for (const [p, o] of results) expect(o.worst, `${p.where} on ${describeInput(o.input)}`).toBeLessThan(BUDGET_MS);
  });

  it(`runs each over ~${LENGTH}-character hostile strings within ${BUDGET_MS} ms`, { timeout: 600_000 }, async () => {
    const all = [...literalPatterns(), ...(await loadPatterns())];
    const unique = new Map<string, Pattern>();
    for (const p of all) {
      const key = `${p.flags}/${p.source}`;
      const seen = unique.get(key);
      if (seen) (seen.also ??= []).push(p.where);
      else unique.set(key, { ...p });
    }
    const results = await measure([...unique.values()]);
    const slow = [...results].filter(([, o]) => o.worst > BUDGET_MS).map(([p, o]) => `${[p.where, ...(p.also ?? [])].join(', ')} /${p.source}/${p.flags}: ${o.worst === Infinity ? `over ${HANG_MS} ms` : `${Math.round(o.worst)} ms`} on ${describeInput(o.input)}`);
    expect(slow).toEqual([]);
  });

  it('would catch the share-prompt pattern of issue 18 (nested quantifier over an alternation)', async () => {
    const bad: Pattern = { where: 'issue 18', source: '^(?:شارك|Share)\\s*:?\\s*(?:(?:فيسبوك|تويتر|X)\\s*[-|·•،,]?\\s*)+$', flags: 'i' };
    const results = await measure([bad], 1_000);
    expect(results.get(bad)!.worst).toBeGreaterThan(BUDGET_MS);
  });
});

// The import directions of docs/ARCHITECTURE.md ("Layout"), checked on the source: a folder that
// imports against them fails here. Value imports are followed transitively (what a bundle would
// hold); a type-only import is erased at build time, so only the direct rules count it.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

const tracked = new Set(execSync('git ls-files', { encoding: 'utf8' }).split('\n').filter(Boolean));
const sources = [...tracked].filter((f) => /^(lib|components|entrypoints)\/.*\.tsx?$/.test(f));

interface Edge {
  to: string;
  typeOnly: boolean;
}

/** Relative imports of a file: every `import … from`, `export … from`, import() and new URL(…). */
function importsOf(file: string, src: string): Edge[] {
  const out: Edge[] = [];
  const re = /^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.[^'"]+)['"]|^\s*import\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|new URL\(\s*['"](\.[^'"]+)['"]/gm;
  for (const m of src.matchAll(re)) {
    const spec = m[3] ?? m[4] ?? m[5] ?? m[6]!;
    const names = m[2] ?? '';
    // `import { type A, type B } from` is erased like `import type`.
    const inline = /^\{([^}]*)\}$/.exec(names.trim());
    const allTypes = !!inline && inline[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    const base = posix.normalize(posix.join(posix.dirname(file), spec));
    const to = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((e) => base + e).find((f) => tracked.has(f) && /\.tsx?$/.test(f));
    if (to) out.push({ to, typeOnly: !!m[1] || allTypes });
  }
  return out;
}

const graph = new Map(sources.map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));

/** Every file a bundle starting at `entry` holds (value imports, transitively). */
function bundleOf(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const todo = [entry];
  while (todo.length) {
    for (const e of graph.get(todo.pop()!) ?? []) {
      if (e.typeOnly || seen.has(e.to)) continue;
      seen.add(e.to);
      todo.push(e.to);
    }
  }
  return seen;
}

const under = (dirs: string[]) => (f: string) => dirs.some((d) => f === d || f.startsWith(`${d}/`) || f.startsWith(`${d}.`));
const direct = (from: (f: string) => boolean, to: (f: string) => boolean) =>
  [...graph].flatMap(([f, edges]) => (from(f) ? edges.filter((e) => to(e.to)).map((e) => `${f} -> ${e.to}`) : []));

describe('import directions', () => {
  it('the content scripts hold nothing of the engine, the stored corpus, the database or harvests', () => {
    const entries = sources.filter((f) => f.startsWith('entrypoints/content/') || /^entrypoints\/[^/]+\.content\.tsx?$/.test(f));
    expect(entries).toContain('entrypoints/content/index.ts');
    const forbidden = under(['lib/engine', 'lib/corpus', 'lib/db', 'lib/harvest', 'lib/clippings/store.ts', 'lib/clippings/actions.ts', 'lib/clippings/handlers.ts']);
    const held = entries.flatMap((e) => [...bundleOf(e)].filter(forbidden).map((f) => `${e} holds ${f}`));
    expect(held).toEqual([]);
    // Nor a direct import of them, even of types only.
    expect(direct(under(['entrypoints/content', 'entrypoints/wake.content.ts']), under(['lib/engine', 'lib/corpus', 'lib/db']))).toEqual([]);
  });

  it('components never reach the database', () => {
    const held = sources.filter(under(['components'])).flatMap((c) => [...bundleOf(c)].filter(under(['lib/db'])).map((f) => `${c} holds ${f}`));
    expect(held).toEqual([]);
  });

  it('the stored corpus never imports the engine (the engine reads the corpus, not back)', () => {
    expect(direct(under(['lib/corpus']), under(['lib/engine']))).toEqual([]);
  });

  it('the database imports no domain logic: only the row types of its tables and what its migrations compute (report keys; outlet ids and archive capture times, v6)', () => {
    const values = [...graph].flatMap(([f, edges]) => (under(['lib/db'])(f) ? edges.filter((e) => !e.typeOnly && !under(['lib/db'])(e.to)).map((e) => e.to) : []));
    expect(values.sort()).toEqual(['lib/corpus/ids.ts', 'lib/outlets/archive.ts', 'lib/outlets/identity.ts']);
  });

  it('text analysis (arabic, entities, claims, events) reaches no database and no browser API', () => {
    const browserApi = new Set(sources.filter((f) => /from ['"]wxt\/browser['"]/.test(readFileSync(f, 'utf8'))));
    expect(browserApi.size).toBeGreaterThan(0);
    const pure = sources.filter(under(['lib/arabic', 'lib/entities', 'lib/claims', 'lib/events']));
    const held = pure.flatMap((f) => [...bundleOf(f)].filter((g) => under(['lib/db'])(g) || browserApi.has(g)).map((g) => `${f} holds ${g}`));
    expect(held).toEqual([]);
  });

  it('adapters do not import the extractor (the cascade applies adapters; both read lib/markup)', () => {
    expect(direct(under(['lib/outlets']), under(['lib/extract']))).toEqual([]);
  });

  it('the gazetteer does not import the claims analysis (claims read the gazetteer)', () => {
    expect(direct(under(['lib/entities']), under(['lib/claims']))).toEqual([]);
  });

  it('lib/ is never UI: no component or entrypoint is imported from lib/', () => {
    expect(direct(under(['lib']), under(['components', 'entrypoints']))).toEqual([]);
  });

  it('finds a forbidden import when there is one (the checker itself)', () => {
    const edges = importsOf('lib/corpus/x.ts', "import { a } from '../engine/search';\nimport type { B } from '../db';\nimport { type C } from '../types';");
    expect(edges).toEqual([
      { to: 'lib/engine/search.ts', typeOnly: false },
      { to: 'lib/db/index.ts', typeOnly: true },
      { to: 'lib/types.ts', typeOnly: true },
    ]);
  });
});

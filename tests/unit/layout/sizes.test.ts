// Small modules and short functions: no file in lib/ over 300 lines and no function over 80 lines
// outside the tests, unless LONG below says why it is (or that it waits to be split). A new long
// file or function fails here; so does an entry that is no longer long (the list only shrinks).
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_FILE = 300;
const MAX_FUNCTION = 80;

/** file (lib/) or file#function → why it is longer than the limit. */
const LONG: Record<string, string> = {
  'lib/compare/numbers.ts': 'one number grammar (numerals, nouns, qualifiers, governing verbs) over private tables',
  'server/app.ts#buildApp': "the server's routes, registered in one place so that each route's auth and limits read together",
  'entrypoints/content/index.ts#main': "the content script's life on a page (read, send, mark, mount, follow pushState), in the order it happens",
  'bench/browser.ts#main': 'a benchmark script: set-up, runs and report in order',
  'scripts/fit-events.ts#main': 'the fitting script: fit by fold, measure, then bench/EVENTS.md table by table in order',
  'entrypoints/content/panel.ts#mountPanel': "the in-page panel's frame, placement and keyboard in one closure over the frame",
  'server/store.ts#addBatch': 'one SQL transaction: every statement of a batch inside it',
  'entrypoints/content/entity-card.ts#startEntityCards': "the entity cards' frame, placement and events in one closure over the frame",
  'bench/synth.ts#synthCorpus': 'a benchmark generator: each kind of synthetic report in turn',
  'entrypoints/background.ts#default': 'the wiring of the background: the pack, sites, menus, commands and every domain handler in one list',
  'entrypoints/panel/main.tsx#Panel': 'the in-page panel page: its states and layout controls',
  'lib/extract/cascade.ts#extractSteps': 'the cascade in its order, in four parts (site rules, JSON-LD, meta, Readability) with each step commented',
};

const files = execSync("git ls-files '*.ts' '*.tsx'", { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.startsWith('tests/') && !f.endsWith('.d.ts'));

function nameOf(n: ts.Node): string | null {
  if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText();
  const p = n.parent;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) return p.name.getText();
  if (ts.isExportAssignment(p) || (ts.isCallExpression(p) && ts.isExportAssignment(p.parent))) return 'default';
  return null;
}

/** Every function of a file longer than MAX_FUNCTION lines, as "file#name" (nested: "outer>inner"). */
function longFunctions(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (n: ts.Node, outer: string | null) => {
    let here = outer;
    if (ts.isFunctionLike(n) && (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n))) {
      here = nameOf(n) ?? (outer ? `${outer}>anonymous` : 'anonymous');
      const lines = sf.getLineAndCharacterOfPosition(n.getEnd()).line - sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      if (lines > MAX_FUNCTION) out.push(`${file}#${here}`);
    }
    ts.forEachChild(n, (c) => visit(c, here));
  };
  visit(sf, null);
  return out;
}

describe('sizes', () => {
  const longFiles = files.filter((f) => f.startsWith('lib/') && readFileSync(f, 'utf8').split('\n').length - 1 > MAX_FILE);
  const longFns = files.flatMap(longFunctions);

  it(`no file in lib/ is over ${MAX_FILE} lines and no function over ${MAX_FUNCTION}, unless LONG says why`, () => {
    expect([...longFiles, ...longFns].filter((k) => !(k in LONG))).toEqual([]);
  });

  it('LONG lists only what is still long', () => {
    const long = new Set([...longFiles, ...longFns]);
    expect(Object.keys(LONG).filter((k) => !long.has(k))).toEqual([]);
  });
});

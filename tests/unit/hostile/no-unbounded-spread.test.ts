// Issue 18, item 4: String.fromCharCode(...codes) overflowed the stack on one 130,000-letter
// word. A spread into a call's arguments puts every element on the stack: over ~100,000 elements
// it throws RangeError. This test lists every such spread in the code that reads pages and files;
// each must be over a list bounded by construction (named here with the bound), or be rewritten
// as a loop.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/arabic/tokenize';

/** file → callee text → why its spread list is bounded. */
const BOUNDED: Record<string, Record<string, string>> = {
  'lib/engine/index-store.ts': {
    'out.added.push': 'one batch of at most 2,000 reports',
    'out.duplicates.push': 'one batch of at most 2,000 reports',
  },
  'lib/engine/lexicon.ts': { 'this.words.push': "a slice of at most PUSH_CHUNK (4,096) of a lexicon page's words" },
  'lib/marks/apply.ts': { 'segs.push': 'the text nodes one mark crosses' },
  'lib/extract/cascade.ts': { meta: 'a fixed list of meta names' },
  'lib/claims/attribution.ts': { 'out.push': 'the claims of one sentence' },
  'lib/clippings/analysis.ts': { 'Math.min': 'the sentences one clipping spans', 'Math.max': 'the sentences one clipping spans' },
  'lib/clippings/export/markdown.ts': { 'out.push': "the lines of one clipping's quote or note (bounded at import)" },
  'components/timeline.ts': { 'Math.min': 'the reports of one comparison (top related)', 'Math.max': 'the reports of one comparison (top related)' },
  'lib/harvest/fetcher.ts': { fetch: "fetch's own arguments, passed on" },
  'components/related-groups.ts': { 'Math.max': 'the reports of one related group (top related)' },
};

const root = new URL('../../../', import.meta.url);
const files = execSync("git ls-files 'lib/**/*.ts' 'lib/*.ts' 'cli/**/*.ts' 'cli/*.ts' 'entrypoints/**/*.ts' 'entrypoints/**/*.tsx' 'components/*.ts' 'components/*.tsx'", { cwd: root, encoding: 'utf8' })
  .trim()
  .split('\n');

function spreads(): string[] {
  const out: string[] = [];
  for (const f of files) {
    const sf = ts.createSourceFile(f, readFileSync(new URL(f, root), 'utf8'), ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const walk = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) {
        const callee = node.expression.getText(sf);
        if (!BOUNDED[f]?.[callee]) out.push(`${f}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${callee}(...)`);
      }
      ts.forEachChild(node, walk);
    };
    walk(sf);
  }
  return out;
}

describe('no spread of an unbounded list into a call', () => {
  it('every spread into call arguments is over a list bounded by construction', () => {
    expect(spreads()).toEqual([]);
  });

  it('a 130,000-letter word is not a word, and does not break tokenising', () => {
    const text = `قال المرصد ${'ب'.repeat(130_000)} إن القصف استمر`;
    expect(tokenize(text).map((t) => t.text)).toEqual(['قال', 'المرصد', 'ان', 'القصف', 'استمر']);
  });
});

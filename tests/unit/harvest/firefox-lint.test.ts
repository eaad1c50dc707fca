// The Firefox build passes Firefox's linter: zip.js's codec import is taken out of the build, and
// only the reviewed warnings (scripts/lint-firefox.ts) are let through.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unreviewed } from '../../../scripts/lint-firefox';
import { withoutCodecImport, ZIP_CODEC_REGISTRY, zipWithoutCodecImport } from '../../../scripts/zip-without-codec-import';

const require = createRequire(import.meta.url);

describe("zip.js's codec import", () => {
  const file = join(require.resolve('@zip.js/zip.js/package.json'), '..', 'lib', 'core', 'codec-registry.js');
  const code = readFileSync(file, 'utf8');

  it('is found in the installed zip.js and replaced, leaving no dynamic import', () => {
    expect(code).toMatch(/import\(/);
    expect(ZIP_CODEC_REGISTRY.test(file)).toBe(true);
    const out = withoutCodecImport(code, file);
    expect(out).not.toMatch(/\bimport\s*\(/);
    expect(out).toContain('zip.js codec modules are not loaded in Isnad');
  });

  it('the build plugin transforms that module only, and fails loudly when zip.js changes', () => {
    const plugin = zipWithoutCodecImport();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    expect(transform(code, file)?.code).not.toMatch(/\bimport\s*\(/);
    expect(transform('await import(x)', '/x/other.js')).toBeNull();
    expect(() => transform('export const x = 1;', file)).toThrow(/codec import has changed/);
  });
});

describe('lint report review', () => {
  const report = (warnings: Array<{ file: string; column: number }>) => ({
    summary: { errors: 0, warnings: warnings.length, notices: 0 },
    errors: [],
    warnings: warnings.map((w) => ({ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe', line: 1, ...w })),
  });
  const files: Record<string, string> = {
    'zip.js': 'async function Fr(e,t){!jr.has(e)&&t&&Pr(e,await import(t))}',
    'readability.js': 'if(le<this._charThreshold){if(ce=!1,e.innerHTML=r,this._attempts.push({articleContent:P',
    'preact.js': 'f?(s||p&&(f.__html==p.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[])',
    'ours.js': 'el.innerHTML=text',
  };
  const read = (f: string) => files[f]!;

  it('lets through the reviewed ones and nothing else', () => {
    const bad = unreviewed(report([{ file: 'zip.js', column: 40 }, { file: 'readability.js', column: 40 }, { file: 'preact.js', column: 60 }, { file: 'ours.js', column: 5 }]), read);
    expect(bad.map((w) => w.file)).toEqual(['zip.js', 'ours.js']);
  });

  it("Isnad's own code never sets markup through Preact (the reviewed Preact warning relies on it)", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(n) ? [p] : [];
      });
    const offenders = ['lib', 'components', 'entrypoints'].flatMap(walk).filter((f) => readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'));
    expect(offenders).toEqual([]);
  });
});

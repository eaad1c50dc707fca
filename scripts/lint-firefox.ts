// Firefox's linter (web-ext lint) on the Firefox build: fails on any error, and on any warning
// but the reviewed ones below, each recognised by the code it points at (the build's chunk names
// and minified variables change from build to build; what the code does does not).
// Usage: tsx scripts/lint-firefox.ts [report.json]  (without a report it runs web-ext lint).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Message { code: string; message: string; file?: string; line?: number; column?: number }
interface Report { summary: { errors: number; warnings: number; notices: number }; errors: Message[]; warnings: Message[] }

const DIR = '.output/firefox-mv2';

/** Warnings looked at and accepted: why, and how to recognise the code they point at. */
export const REVIEWED: Array<{ code: string; why: string; around: RegExp }> = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "Mozilla's Readability puts back or unwraps markup of the document it was given: a copy of the page (content script) or a page parsed by DOMParser (harvest), never a live extension page",
    around: /_attempts|_isSingleImage|Article content after paging/,
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "Preact's dangerouslySetInnerHTML, which Isnad never uses (a unit test greps the sources for it)",
    around: /\.__html/,
  },
];

/** The code around a message's line and column, to recognise it. */
export function around(text: string, line?: number, column?: number, span = 400): string {
  const l = text.split('\n')[(line ?? 1) - 1] ?? '';
  const c = column ?? 0;
  return l.slice(Math.max(0, c - span), c + span);
}

export function unreviewed(report: Report, read: (file: string) => string): Message[] {
  return report.warnings.filter((w) => {
    const code = w.file ? around(read(w.file), w.line, w.column) : '';
    return !REVIEWED.some((r) => r.code === w.code && r.around.test(code));
  });
}

function main(): void {
  const file = process.argv[2];
  let json: string;
  if (file) json = readFileSync(file, 'utf8');
  else {
    try {
      json = execFileSync('npx', ['web-ext', 'lint', '--source-dir', DIR, '--self-hosted', '--output=json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    } catch (e) {
      // web-ext exits non-zero on errors; its report is still on stdout.
      json = String((e as { stdout?: string }).stdout ?? '');
    }
  }
  const report = JSON.parse(json) as Report;
  for (const m of report.errors) console.log(`error: ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
  const bad = unreviewed(report, (f) => readFileSync(join(DIR, f), 'utf8'));
  for (const m of bad) console.log(`warning: ${m.code} ${m.file ?? ''}:${m.line ?? ''}:${m.column ?? ''} ${m.message}`);
  console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.summary.warnings - bad.length} reviewed: scripts/lint-firefox.ts)`);
  process.exit(report.errors.length || bad.length ? 1 : 0);
}

if (process.argv[1] && /lint-firefox\.ts$/.test(process.argv[1])) main();

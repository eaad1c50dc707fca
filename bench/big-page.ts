// `npx tsx bench/big-page.ts [--pages a,b] [--loads N] [--extension-dir DIR] [--json out.json]`:
// the CPU time of each task of ours on big and hostile pages (bench/hostile-pages.ts), through the
// built extension in Debian Chromium, from the trace (thread time, which does not grow when other
// work takes the core): per page, each step's costliest task over N loads, min–max.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { launchWithExtension, waitForCorpus } from '../tests/e2e/harness/chromium';
import { startSite } from '../tests/e2e/harness/site';
import { MAX_ELEMENTS, MAX_NODES } from '../lib/extract/page-size';
import { commentFlood, deepPage, hostileShapes, SHAPES_BASE, shapesArticle } from '../tests/e2e/hostile-shapes';
import { traceOurTasks } from './main-thread';

const URL_OF = (name: string) => `${SHAPES_BASE}${name}`;

/** The pages: the beside shape at 10,000 and 20,000 elements, every shape at the bound, the
 *  5 MB page of tests/e2e/hostile-big-page.e2e.ts (share-line bombs, a 200,000-character paragraph),
 *  600,000 comments (over the bound in nodes) and a body nested 2,500 deep by script (3,000 crashes Chromium's renderer without us). */
export function benchPages(): Array<{ name: string; html: string }> {
  const base = shapesArticle();
  const out = [10_000, 20_000].map((n) => ({ name: `beside-${n}`, html: hostileShapes(base, n, MAX_NODES)[0]!.html }));
  for (const s of hostileShapes(base, MAX_ELEMENTS, MAX_NODES)) out.push({ name: `${s.name}-${MAX_ELEMENTS}`, html: s.html });
  const para = 'قالت مصادر محلية إن قصفا مدفعيا استهدف أطراف المدينة صباح اليوم، وأفادت بسقوط جرحى بين المدنيين. ';
  const parts: string[] = [];
  for (let i = 0, size = 0; size < 5 * 1024 * 1024; i++) {
    const p = i % 50 === 0 ? `شارك: ${'فيسبوك '.repeat(32)}!` : para.repeat(20);
    parts.push(`<p>${p}</p>`);
    size += Buffer.byteLength(p);
  }
  parts.push(`<p>${para.repeat(2000)}</p>`, `<p>${'ب'.repeat(130_000)}</p>`);
  out.push({ name: 'five-megabytes', html: base.replace('</div>\n<div class="share">', `${parts.join('')}</div>\n<div class="share">`) });
  out.push({ name: 'comment-flood-600000', html: commentFlood(base, 600_000) }, { name: 'deep-2500', html: deepPage(base, 2_500) });
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: 'string' }, loads: { type: 'string', default: '3' }, 'extension-dir': { type: 'string' }, json: { type: 'string' } } });
  const pages = benchPages().filter((p) => !values.pages || values.pages.split(',').includes(p.name));
  const site = await startSite(pages.map((p) => ({ url: URL_OF(p.name), html: p.html })));
  const b = await launchWithExtension({ hostRules: site.hostRules, ...(values['extension-dir'] ? { extensionDir: values['extension-dir'] } : {}) });
  const rows: Array<{ page: string; load: number[]; steps: Record<string, number[]>; worst: number[]; worstSteps: string[] }> = [];
  try {
    await waitForCorpus(b.worker);
    for (const p of pages) {
      const row = { page: p.name, load: [] as number[], steps: {} as Record<string, number[]>, worst: [] as number[], worstSteps: [] as string[] };
      for (let i = 0; i < Number(values.loads); i++) {
        row.load.push(+loadavg()[0]!.toFixed(1));
        // A page over the bound records no marks: its last step is the size.
        const tasks = await traceOurTasks(b.context, URL_OF(p.name), { timeout: 120_000, until: 'marks-label' }).catch(() => traceOurTasks(b.context, URL_OF(p.name), { timeout: 60_000, until: 'size' }));
        const byStep = new Map<string, number>();
        for (const t of tasks) for (const s of t.steps) byStep.set(s, Math.max(byStep.get(s) ?? 0, t.cpuMs));
        for (const [s, ms] of byStep) (row.steps[s] ??= []).push(ms);
        const worst = tasks.reduce((a, t) => (t.cpuMs > a.cpuMs ? t : a));
        row.worst.push(worst.cpuMs);
        row.worstSteps.push(worst.steps.join('+'));
      }
      rows.push(row);
      const range = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
      const main = ['size', 'recognize', 'extract', 'extract-blocks', 'extract-lines', 'extract-dates', 'marks-index', 'marks-locate', 'marks-wrap', 'panel-measure'].filter((s) => row.steps[s]);
      console.log(`${p.name} (load ${range(row.load)}): worst task ${range(row.worst)} ms CPU [${[...new Set(row.worstSteps)].join(' | ')}]; ${main.map((s) => `${s} ${range(row.steps[s]!)}`).join(', ')}`);
    }
  } finally {
    await b.close();
    site.server.close();
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ at: new Date().toISOString(), extensionDir: values['extension-dir'] ?? '.output/chrome-mv3', rows }, null, 1) + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

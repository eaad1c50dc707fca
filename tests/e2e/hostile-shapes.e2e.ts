// Big pages of hostile shapes at the bound of elements we read (tests/e2e/hostile-shapes.ts):
// hidden paragraphs beside the article, empty elements or one-letter paragraphs inside its body
// (shapes not bounded yet: docs/SECURITY.md, Open). Each is read (its article's first
// paragraph is what the background holds), what we keep of it is bounded (blocks, characters),
// and no task of ours reaches 50 ms of CPU time (the trace's thread time, which other work on the
// shared machine does not grow; figures by step: bench/HOSTILE-PAGE.md, bench/big-page.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceOurTasks } from '../../bench/main-thread';
import { MAX_BLOCK_TEXT, MAX_BLOCKS } from '../../lib/extract/blocks';
import { MAX_ELEMENTS } from '../../lib/extract/page-size';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { seed, startSite } from './harness/site';
import { hostileShapes, SHAPES_BASE, shapesArticle } from './hostile-shapes';

const SHAPES = hostileShapes(shapesArticle(), MAX_ELEMENTS);
const FIRST = seed(3).paragraphs[0]!;

let site: Awaited<ReturnType<typeof startSite>>;
let b: Launched;

interface Held {
  url: string;
  paragraphs: string[];
}

beforeAll(async () => {
  site = await startSite(SHAPES.map((s) => ({ url: `${SHAPES_BASE}${s.name}`, html: s.html })));
  b = await launchWithExtension({ hostRules: site.hostRules });
  await waitForCorpus(b.worker);
  // Every article the background holds for a tab, as it is held (storage.session).
  await b.worker.evaluate(() => {
    const g = globalThis as unknown as { held: Held[]; chrome: { storage: { session: { onChanged: { addListener(f: (c: Record<string, { newValue?: Held }>) => void): void } } } } };
    g.held = [];
    g.chrome.storage.session.onChanged.addListener((changes) => {
      for (const [k, v] of Object.entries(changes)) if (k.startsWith('tab:') && v.newValue) g.held.push({ url: v.newValue.url, paragraphs: v.newValue.paragraphs });
    });
  });
}, 120_000);
afterAll(async () => {
  await b?.close();
  site?.server.close();
});

describe(`pages of hostile shapes at ${MAX_ELEMENTS} elements`, () => {
  for (const shape of SHAPES) {
    it(`${shape.name} (${shape.what}): read, bounded, no task of ours reaching 50 ms of CPU`, async () => {
      const url = `${SHAPES_BASE}${shape.name}`;
      const tasks = await traceOurTasks(b.context, url, { timeout: 90_000 });
      const worst = tasks.reduce((a, t) => (t.cpuMs > a.cpuMs ? t : a));
      console.log(`${shape.name}: ${tasks.length} tasks of ours; costliest ${worst.cpuMs} ms CPU (${worst.steps.join('+')}), ${worst.wallMs} ms wall`);
      expect(worst.cpuMs, worst.steps.join('+')).toBeLessThan(50);
      const held = await b.worker.evaluate((u) => (globalThis as unknown as { held: Held[] }).held.filter((h) => h.url === u), url);
      expect(held.length).toBeGreaterThan(0);
      const { paragraphs } = held.at(-1)!;
      expect(paragraphs[0]).toBe(FIRST);
      expect(paragraphs.length).toBeLessThanOrEqual(MAX_BLOCKS);
      expect(paragraphs.join('').length).toBeLessThanOrEqual(MAX_BLOCK_TEXT);
    }, 120_000);
  }
});

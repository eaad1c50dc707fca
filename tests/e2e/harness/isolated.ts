// The content script's own steps (lib/timing.ts), read from its isolated world through the
// DevTools protocol: they are kept out of the page's performance timeline, so the page's world
// (and Playwright's page.evaluate, which runs there) cannot see them.
import type { Page } from 'playwright-core';
import type { Span } from '../../../lib/timing';

interface Context {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

/** Every step the content script of the page's top frame recorded (empty before it ran). */
export async function ourSteps(page: Page): Promise<Span[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Context[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as Context));
    await cdp.send('Runtime.enable');
    const top = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
    // Content scripts' worlds are named for their extension; Playwright's own has its prefix.
    const worlds = contexts.filter((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === top && !c.name.startsWith('__playwright'));
    for (const world of worlds.reverse()) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'JSON.stringify(globalThis.__isnadSteps ?? null)', contextId: world.id, returnByValue: true });
      const steps = JSON.parse(String(result.value ?? 'null')) as Span[] | null;
      if (steps) return steps;
    }
    return [];
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits until the content script has recorded step `name` (15 s at most). */
export async function waitForStep(page: Page, name: string, timeout = 15_000): Promise<Span[]> {
  const until = Date.now() + timeout;
  for (;;) {
    const steps = await ourSteps(page);
    if (steps.some((s) => s.name === name)) return steps;
    if (Date.now() > until) throw new Error(`the content script recorded no "${name}" step in ${timeout} ms (steps: ${steps.map((s) => s.name).join(', ') || 'none'})`);
    await page.waitForTimeout(100);
  }
}

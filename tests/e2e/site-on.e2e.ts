// A site the reader turns Isnad on for (any host beyond the built-in outlets): its article pages
// get the in-page panel with related reports, as the outlets' do. The panel is an extension page
// framed in the news page, so it must be web-accessible on such a site too (in Chrome by its
// dynamic URL only).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { articlePage, seed, startSite } from './harness/site';
import { openExtensionPage, panelFrame } from './ui-helpers';

const HOST = 'news.example.test';
const ARTICLE = `http://${HOST}/2017/10/22/report`;

let site: Awaited<ReturnType<typeof startSite>>;
let dir: string;
let b: Launched;

beforeAll(async () => {
  // The Shaam Network seed's page, as another site publishes it.
  site = await startSite([{ url: ARTICLE, html: articlePage({ seedIndex: 3, siteName: 'Example News', canonical: ARTICLE, date: '2017-10-22T10:00:00+03:00' }) }]);
  // Chromium's permission prompt cannot be answered by automation: the build under test is a copy
  // whose manifest grants the host at install, so the site can be turned on without a prompt (the
  // built extension asks for it in the reader's click: optional_host_permissions).
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
  expect(manifest.host_permissions.some((h) => h.includes(HOST) || h === '*://*/*')).toBe(false);
  dir = mkdtempSync(join(tmpdir(), 'isnad-site-on-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: [...manifest.host_permissions, `*://${HOST}/*`] }));
  b = await launchWithExtension({ hostRules: `${site.hostRules}, MAP ${HOST} 127.0.0.1:${site.port}`, extensionDir: dir });
  await waitForCorpus(b.worker);
}, 180_000);

afterAll(async () => {
  await b?.close();
  site?.server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a site the reader turned on', () => {
  it('shows the in-page panel with related reports on its article pages once turned on', async () => {
    // Not turned on: no content script of ours is registered for the site (its host permission
    // alone runs nothing).
    const registered = () => b.worker.evaluate(async () => (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } } }).chrome.scripting.getRegisteredContentScripts());
    expect((await registered()).flatMap((r) => r.matches ?? [])).not.toContain(`*://${HOST}/*`);

    const errors: string[] = [];
    const options = await openExtensionPage(b, 'options.html', errors);
    const sites = await options.evaluate(async (pattern) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: string[] }> } } };
      return chrome.runtime.sendMessage({ isnad: 'ui:site-set', data: { pattern, on: true } });
    }, `*://${HOST}/*`);
    expect(sites).toEqual({ ok: true, value: [`*://${HOST}/*`] });
    expect((await registered()).flatMap((r) => r.matches ?? [])).toContain(`*://${HOST}/*`);

    const page = await b.context.newPage();
    await page.goto(ARTICLE);
    const frame = await panelFrame(page);
    await frame.waitForSelector('[data-testid="related-item"]', { timeout: 20_000 });
    const titles = await frame.$$eval('[data-testid="related-item"] .title', (els) => els.map((e) => e.textContent ?? ''));
    expect(titles.length).toBeGreaterThan(0);
    // Related reports, not the built-in copy of the article itself.
    expect(titles).not.toContain(seed(3).title);
    await page.screenshot({ path: 'tests/e2e/.tmp/site-on-panel.png' });
    await page.close();
    await options.close();
  });
});

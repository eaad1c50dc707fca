// Outlet labels where readers decide: beside a related report, the outlet's owner and alignment
// on the report's date; a click opens the outlet's profile with the source of every fact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { PAGES, seed, startSite } from './harness/site';

let site: Awaited<ReturnType<typeof startSite>>;
let browser: Launched;

beforeAll(async () => {
  site = await startSite();
  browser = await launchWithExtension({ hostRules: site.hostRules });
  await waitForCorpus(browser.worker);
});
afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

async function related(url: string, title: string) {
  const page = await browser.context.newPage();
  await page.goto(url);
  const handle = await page.waitForSelector('[data-isnad="panel"] iframe', { state: 'attached', timeout: 15_000 });
  const frame = (await handle.contentFrame())!;
  const item = frame.locator('[data-testid="related-item"]', { hasText: title });
  await item.waitFor({ timeout: 15_000 });
  return { page, frame, item, label: item.locator('[data-testid="outlet-label"]') };
}

describe('outlet label and profile', () => {
  it('a related Orient News report shows its owner; the profile opens with the source of every fact', async () => {
    const { page, item, label } = await related(PAGES.shaamArticle, seed(0).title);
    // Orient News is owned by Ghassan Aboud. The seed carries no date, so no alignment is claimed for it.
    await expect.poll(() => label.textContent(), { timeout: 10_000 }).toMatch(/Ghassan Aboud|غسان عبود/);
    expect(await label.textContent()).not.toMatch(/opposition|معارضة/);
    expect(await label.getAttribute('aria-expanded')).toBe('false');
    await label.click();
    const profile = item.locator('[data-testid="outlet-profile"]');
    await profile.waitFor({ timeout: 5_000 });
    expect(await profile.getAttribute('data-outlet')).toBe('orient-news');
    expect(await label.getAttribute('aria-expanded')).toBe('true');
    // Every fact's source is shown; web sources are links, and only http(s) ones.
    const hrefs = await profile.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
    expect(hrefs).toContain('https://es.stringtranslate.com/Orient%20TV/Orient_TV');
    expect(await profile.textContent()).toMatch(/opposition|معارضة/);
    await page.close();
  });

  it('a correction made in the options shows as the alignment at the report\'s date, with the reader\'s source', async () => {
    const opts = await browser.context.newPage();
    await opts.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = opts.locator('[data-testid="outlet-profiles"]');
    await section.waitFor({ timeout: 15_000 });
    await section.locator('[data-testid="outlet-pick"]').selectOption('shaam');
    await section.locator('[data-testid="add-alignment"]').click();
    const row = section.locator('[data-testid="alignment-row"]').last();
    await row.locator('[data-field="value"]').selectOption('opposition');
    await row.locator('[data-field="from"]').fill('2011');
    await row.locator('[data-field="until"]').fill('2024-12-08');
    await row.locator('[data-field="source"]').fill('https://example.org/shaam-stance');
    await section.locator('button[type="submit"]').click();
    await section.locator('[role="status"]').waitFor({ timeout: 5_000 });
    await opts.close();

    // Shaam's seed report is dated 2017-10-22: inside the corrected period.
    const { page, frame, item, label } = await related(PAGES.orientArticle, seed(3).title);
    await expect.poll(() => label.textContent(), { timeout: 10_000 }).toMatch(/opposition|معارضة/);
    await label.click();
    const profile = item.locator('[data-testid="outlet-profile"]');
    await profile.waitFor({ timeout: 5_000 });
    const atDate = profile.locator('[data-at-date="true"]');
    expect(await atDate.count()).toBe(1);
    expect(await atDate.textContent()).toMatch(/opposition|معارضة/);
    expect(await atDate.textContent()).toMatch(/your correction|تصحيحك/);
    expect(await atDate.locator('a').getAttribute('href')).toBe('https://example.org/shaam-stance');
    await frame.locator('body').screenshot({ path: 'tests/e2e/.tmp/outlet-profile.png' });
    await page.close();
  });
});

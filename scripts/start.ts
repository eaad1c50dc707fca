// `npm start`: builds Isnad, serves a local copy of a seed article under its outlet's real host
// name, and opens Chromium with the extension on it. `npm start -- --headless --screenshot FILE`
// writes a screenshot instead, for machines with no display.
import { parseArgs } from 'node:util';
import { launchWithExtension, waitForCorpus } from '../tests/e2e/harness/chromium';
import { PAGES, startSite } from '../tests/e2e/harness/site';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean' },
    screenshot: { type: 'string' },
    lang: { type: 'string' },
    url: { type: 'string' },
  },
});
const lang = values.lang === 'en' ? 'en' : 'ar';
const headless = values.headless ?? !!values.screenshot;
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display: run `npm start -- --headless --screenshot isnad.png` instead.');
  process.exit(1);
}

const site = await startSite();
const browser = await launchWithExtension({ hostRules: site.hostRules, headless, lang });
await waitForCorpus(browser.worker);
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
const url = values.url ?? PAGES.orientArticle;
await page.goto(url);
console.log(`Isnad is running on ${url} (served locally; the host maps to 127.0.0.1:${site.port}).`);

if (values.screenshot) {
  const frame = await (await page.waitForSelector('[data-isnad="panel"] iframe', { timeout: 20_000 })).contentFrame();
  await frame?.waitForSelector('[data-testid="related-item"], [role="status"]', { timeout: 20_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: values.screenshot });
  console.log(`screenshot written to ${values.screenshot}`);
  await browser.close();
  site.server.close();
} else {
  console.log('Close the browser window to stop.');
  browser.context.on('close', () => {
    site.server.close();
    process.exit(0);
  });
}

// The team corpus in Firefox: the team server's host permission is asked in the reader's click on
// Connect (Firefox refuses a request made outside one), for that host only; the panel then shows
// the team's results, labelled; forgetting the server takes the permission back. The server is a
// real one (server/ on PGlite in a temporary folder) on a local port, reached directly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseRecords } from '../../../lib/engine/wire';
import { buildApp } from '../../../server/app';
import { createTeam } from '../../../server/auth';
import { TeamClient } from '../../../server/client';
import { pgliteDb, type Db } from '../../../server/db';
import { migrate } from '../../../server/migrate';
import { launchFirefox, waitForCorpusIn, type FirefoxLaunched } from '../harness/firefox';
import { PAGES, startSite } from '../harness/site';
import { TEAM_TITLE, teamCopy } from '../harness/team-copies';
import { waitFor } from '../harness/wait';
import { button, panelFrame, requestOutsideClick } from './helpers';

const PATTERN = 'http://127.0.0.1/*';

let site: Awaited<ReturnType<typeof startSite>>;
let ff: FirefoxLaunched;
let dataDir: string;
let db: Db;
let app: FastifyInstance;
let server: string;
let readerToken: string;
const seen: string[] = [];

beforeAll(async () => {
  site = await startSite();
  dataDir = mkdtempSync(join(tmpdir(), 'isnad-ff-team-'));
  db = await pgliteDb(join(dataDir, 'pg'));
  await migrate(db);
  const { token } = await createTeam(db, 'newsroom', 'admin');
  app = await buildApp({ db, rateLimit: 100_000 });
  app.addHook('onRequest', async (req) => void seen.push(req.url));
  await app.listen({ port: 0, host: '127.0.0.1' });
  server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const admin = new TeamClient(server, 'newsroom', token);
  const records = [0, 1, 2, 3, 4].map(teamCopy);
  expect((await admin.addReports(records, 'e2e', analyseRecords(records))).added).toBe(records.length);
  readerToken = (await admin.issueToken((await admin.addMember('rana', 'reader')).id)).token;
  seen.length = 0;
  ff = await launchFirefox({ sitePort: site.port, grantPermissionPrompts: true, direct: ['127.0.0.1'] });
  await waitForCorpusIn(ff.api);
}, 180_000);

afterAll(async () => {
  await ff?.close();
  await app?.close();
  await db?.close();
  site?.server.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const holds = () =>
  ff.api.evaluate(async (o) => {
    const { browser } = globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } };
    return browser.permissions.contains({ origins: [o] });
  }, PATTERN);

describe('Firefox: a team server', () => {
  it('asks for its host in the Connect click, shows labelled team results, and drops the permission when forgotten', async () => {
    expect(await holds()).toBe(false);
    // Outside a click Firefox refuses: the options page must ask in the click itself.
    const outside = await requestOutsideClick(ff, PATTERN);
    expect(outside).toMatch(/^refused: .*user input/);

    const options = await ff.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid="team-form"]', { timeout: 15_000 });
    await options.type('#team-server', server);
    await options.$eval('#team-name', (e) => ((e as HTMLInputElement).value = ''));
    await options.type('#team-name', 'newsroom');
    await options.type('#team-token', readerToken);
    await options.click('[data-testid="team-form"] button[type="submit"]');
    await options.waitForSelector('[data-testid="team-status"]', { timeout: 20_000 });
    const status = await options.$eval('[data-testid="team-status"]', (e) => e.textContent ?? '');
    expect(status).toContain('newsroom');
    expect(status).toContain('rana');
    expect(await holds()).toBe(true);
    // That host only: not every site.
    const origins = await ff.api.evaluate(async () => {
      const { browser } = globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins?: string[] }> } } };
      return (await browser.permissions.getAll()).origins ?? [];
    });
    expect(origins).toContain(PATTERN);
    expect(origins).not.toContain('*://*/*');
    expect(seen).toEqual(['/v1/teams/newsroom/me']);

    const page = await ff.browser.newPage();
    await page.goto(PAGES.orientArticle);
    const frame = await panelFrame(page);
    await frame.waitForSelector('[data-testid="team-related"] [data-testid="related-item"]', { timeout: 30_000 }).catch(async (e: Error) => {
      throw new Error(`${e.message}; the server saw ${JSON.stringify(seen)}; the panel: ${await frame.evaluate(() => document.body.innerText.slice(0, 600))}`);
    });
    const team = await frame.$$eval('[data-testid="team-related"] [data-testid="related-item"] .title', (els) => els.map((e) => e.textContent ?? ''));
    expect(team.length).toBeGreaterThan(0);
    for (const t of team) expect(t.startsWith(TEAM_TITLE)).toBe(true);
    expect(await frame.$eval('#team-related-h', (e) => e.textContent ?? '')).toContain('newsroom');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(TEAM_TITLE);
    await page.close();

    await (await button(options, 'نسيان هذا الخادم')).click();
    await options.waitForSelector('[data-testid="team-form"]', { timeout: 15_000 });
    await waitFor('permission dropped', holds, (v) => v === false);
    await options.close();
  });
});

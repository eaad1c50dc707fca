// The team corpus in the browser, against a real team server (server/ on PGlite in a temporary
// folder, on a free local port, reached as team.isnad.test): without a server set up the extension
// sends nothing to it; set up in the options (the host permission asked in the click), the panel
// and the side panel show the team's results, labelled, beside the reader's own; the token and the
// team's reports never reach the news page's DOM; forgotten, nothing more is sent.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { analyseRecords } from '../../lib/engine/wire';
import type { ReportRecord } from '../../lib/types';
import { buildApp } from '../../server/app';
import { createTeam } from '../../server/auth';
import { TeamClient } from '../../server/client';
import { pgliteDb, type Db } from '../../server/db';
import { migrate } from '../../server/migrate';
import { EXTENSION_DIR, launchWithExtension, waitForCorpus, type Launched } from './harness/chromium';
import { PAGES, seed, startSite } from './harness/site';
import { TEAM_TITLE, teamCopy } from './harness/team-copies';
import { openExtensionPage, panelFrame, tabIdOf, unnamedControls, waitFor } from './ui-helpers';

const TEAM_HOST = 'team.isnad.test';
const SHOTS = 'tests/e2e/.tmp';


let site: Awaited<ReturnType<typeof startSite>>;
let dataDir: string;
let extensionDir: string;
let db: Db;
let app: FastifyInstance;
let teamPort: number;
let readerToken: string;
let contributorToken: string;
/** Every request the team server received: path and whether it carried a bearer token. */
const seen: Array<{ url: string; method: string; auth: boolean; body: string }> = [];
let b: Launched;

beforeAll(async () => {
  site = await startSite();
  dataDir = mkdtempSync(join(tmpdir(), 'isnad-team-e2e-'));
  db = await pgliteDb(join(dataDir, 'pg'));
  await migrate(db);
  const { token: adminToken } = await createTeam(db, 'newsroom', 'admin');
  app = await buildApp({ db, rateLimit: 100_000 });
  // Every request that reaches the server, refused ones included; a query's body as it came.
  app.addHook('preParsing', async (req, _reply, payload) => {
    const chunks: Buffer[] = [];
    for await (const chunk of payload) chunks.push(Buffer.from(chunk as Buffer));
    const body = Buffer.concat(chunks);
    const entry = seen.findLast((r) => r.url === req.url && r.body === '');
    if (entry) entry.body = body.toString('utf8');
    return Readable.from([body]);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  app.server.prependListener('request', (req: IncomingMessage) => seen.push({ url: req.url ?? '', method: req.method ?? '', auth: /^Bearer isnad_/.test(req.headers.authorization ?? ''), body: '' }));
  teamPort = (app.server.address() as AddressInfo).port;
  const admin = new TeamClient(`http://127.0.0.1:${teamPort}`, 'newsroom', adminToken);
  const records = [0, 1, 2, 3, 4].map(teamCopy);
  expect((await admin.addReports(records, 'e2e', analyseRecords(records))).added).toBe(records.length);
  const reader = await admin.addMember('rana', 'reader');
  readerToken = (await admin.issueToken(reader.id)).token;
  contributorToken = (await admin.issueToken((await admin.addMember('sami', 'contributor')).id)).token;
  seen.length = 0;
  // Chromium's permission prompt cannot be answered by automation (headless, it waits forever).
  // The build under test is a copy whose manifest grants the team server's host at install, so
  // the options page's permissions.request (made in the click, as always) resolves at once; the
  // built extension itself asks for it only then (optional_host_permissions, checked below).
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { host_permissions: string[]; optional_host_permissions: string[] };
  expect(manifest.host_permissions.some((h) => h.includes(TEAM_HOST) || h === '*://*/*' || h === '<all_urls>')).toBe(false);
  expect(manifest.optional_host_permissions).toContain('*://*/*');
  extensionDir = join(dataDir, 'extension');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: [...manifest.host_permissions, `http://${TEAM_HOST}/*`] }));
  b = await launchWithExtension({ hostRules: `${site.hostRules}, MAP ${TEAM_HOST} 127.0.0.1:${teamPort}`, extensionDir });
  await waitForCorpus(b.worker);
}, 180_000);

afterAll(async () => {
  await b?.close();
  await app?.close();
  await db?.close();
  site?.server.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function panelItems(frame: Frame): Promise<{ local: string[]; team: string[] }> {
  return frame.evaluate(() => ({
    local: [...document.querySelectorAll('[data-testid="related-item"]')].filter((e) => !e.closest('[data-testid="team-related"]')).map((e) => e.querySelector('.title')?.textContent ?? ''),
    team: [...document.querySelectorAll('[data-testid="team-related"] [data-testid="related-item"]')].map((e) => e.querySelector('.title')?.textContent ?? ''),
  }));
}

async function openArticle(): Promise<{ page: Page; frame: Frame }> {
  const page = await b.context.newPage();
  await page.goto(PAGES.orientArticle);
  const frame = await panelFrame(page);
  await frame.waitForSelector('[data-testid="related-item"]', { timeout: 20_000 });
  return { page, frame };
}

/**
 * The background's answer to the team query for the panel's article, asked from the panel as the
 * panel asks it. Once it has answered, the background has decided whether to ask a team server
 * (and asked it, or not): what was sent can be read after it.
 */
async function teamAnswer(frame: Frame): Promise<unknown> {
  return frame.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } };
    return chrome.runtime.sendMessage({ isnad: 'ui:team-related', data: { shown: [] } });
  });
}

describe('team corpus', () => {
  it('without a team server set up, reading an article sends nothing to it and shows no team results', async () => {
    // Every fetch the background makes from now on (the only context that could talk to a server).
    await b.worker.evaluate(() => {
      const g = globalThis as unknown as { fetch: typeof fetch; isnadFetched: string[] };
      const original = g.fetch.bind(g);
      g.isnadFetched = [];
      g.fetch = (input, init) => {
        g.isnadFetched.push(input instanceof Request ? input.url : String(input));
        return original(input, init);
      };
    });
    const { page, frame } = await openArticle();
    const errors: string[] = [];
    const side = await openExtensionPage(b, `sidepanel.html?tab=${await tabIdOf(b, PAGES.orientArticle)}`, errors);
    await side.waitForSelector('[data-testid="related-item"]', { timeout: 20_000 });
    // The team query is answered: nothing, no server is set up.
    expect(await teamAnswer(frame)).toEqual({ ok: true, value: null });
    expect((await panelItems(frame)).local.length).toBeGreaterThan(0);
    expect(await frame.$('[data-testid="team-related"]')).toBeNull();
    expect(await side.$('[data-testid="team-related"]')).toBeNull();
    expect(seen).toEqual([]);
    // Nothing sent anywhere: the background fetched no web address at all.
    const fetched = await b.worker.evaluate(() => (globalThis as unknown as { isnadFetched: string[] }).isnadFetched);
    expect(fetched.filter((u) => /^https?:/i.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await side.close();
    await page.close();
  });

  it('options: set up the server (permission for that host only), and the panel and side panel show labelled team results', async () => {
    const errors: string[] = [];
    const options = await openExtensionPage(b, 'options.html', errors);
    await options.waitForSelector('[data-testid="team-form"]');
    await options.fill('#team-server', `http://${TEAM_HOST}`);
    await options.fill('#team-name', 'newsroom');
    await options.fill('#team-token', readerToken);
    await options.click('[data-testid="team-form"] button[type="submit"]');
    await options.waitForSelector('[data-testid="team-status"]', { timeout: 20_000 });
    const status = await options.textContent('[data-testid="team-status"]');
    expect(status).toContain('newsroom');
    expect(status).toContain('rana');
    expect(await unnamedControls(options)).toEqual([]);
    // The token is gone from the page once sent: no field, no text holds it.
    expect(await options.evaluate((tok) => document.documentElement.outerHTML.includes(tok) || [...document.querySelectorAll('input')].some((i) => i.value === tok), readerToken)).toBe(false);
    await options.locator('[data-testid="team-section"]').screenshot({ path: `${SHOTS}/team-options.png` });
    // The permission granted is for the team server's host only.
    const perms = await b.worker.evaluate(async () => (await (globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).chrome.permissions.getAll()).origins ?? []);
    expect(perms).toContain(`http://${TEAM_HOST}/*`);
    expect(perms).not.toContain('*://*/*');
    expect(seen.map((r) => r.url)).toEqual(['/v1/teams/newsroom/me']);
    await options.close();

    const { page, frame } = await openArticle();
    await frame.waitForSelector('[data-testid="team-related"] [data-testid="related-item"]', { timeout: 20_000 });
    const items = await panelItems(frame);
    expect(items.local.length).toBeGreaterThan(0);
    expect(items.team.length).toBeGreaterThan(0);
    for (const title of items.team) expect(title.startsWith(TEAM_TITLE)).toBe(true);
    for (const title of items.local) expect(title.startsWith(TEAM_TITLE)).toBe(false);
    // The team's copy of the report the local corpus relates (seed 4, Eram News) is among them.
    expect(items.team).toContain(teamCopy(4).title);
    const heading = await frame.textContent('#team-related-h');
    expect(heading).toContain('الفريق');
    expect(heading).toContain('newsroom');
    // The query carried the article's analysis, never its text.
    const query = seen.find((r) => r.url.endsWith('/query'))!;
    expect(query.auth).toBe(true);
    const sentences = seed(0).paragraphs.flatMap((p) => p.split(/[.،؛]/)).map((s) => s.trim()).filter((s) => s.split(/\s+/).length >= 4);
    expect(sentences.length).toBeGreaterThan(3);
    for (const s of sentences) expect(query.body).not.toContain(s);
    // The news page's own DOM holds neither the team's reports nor the token.
    const dom = await page.evaluate(() => document.documentElement.outerHTML);
    expect(dom).not.toContain(TEAM_TITLE);
    expect(dom).not.toContain(readerToken.slice(6));
    await page.screenshot({ path: `${SHOTS}/team-page.png` });
    await frame.locator('[data-testid="team-related"]').screenshot({ path: `${SHOTS}/team-panel.png` });

    const side = await openExtensionPage(b, `sidepanel.html?tab=${await tabIdOf(b, PAGES.orientArticle)}`, errors, { width: 420, height: 1400 });
    await side.waitForSelector('[data-testid="team-related"] [data-testid="related-item"]', { timeout: 20_000 });
    expect(await side.getAttribute('html', 'dir')).toBe('rtl');
    await side.screenshot({ path: `${SHOTS}/team-sidepanel.png`, fullPage: true });
    expect(errors).toEqual([]);
    await side.close();
    await page.close();
  });

  it('forgetting the server takes the permission back and sends nothing more', async () => {
    const errors: string[] = [];
    const options = await openExtensionPage(b, 'options.html', errors);
    await options.waitForSelector('[data-testid="team-status"]');
    await options.getByRole('button', { name: 'نسيان هذا الخادم' }).click();
    await options.waitForSelector('[data-testid="team-form"]');
    // (The permission is taken back too; this test build has it at install, where it cannot be removed.)
    expect(errors).toEqual([]);
    await options.close();
    const before = seen.length;
    const { page, frame } = await openArticle();
    expect(await teamAnswer(frame)).toEqual({ ok: true, value: null });
    expect(await frame.$('[data-testid="team-related"]')).toBeNull();
    expect(seen.length).toBe(before);
    await waitFor('no late request', async () => seen.length, (n) => n === before, 3);
    await page.close();
  });

  it('a contributor shares only the reports they tick, found in their own corpus', async () => {
    const errors: string[] = [];
    const options = await openExtensionPage(b, 'options.html', errors);
    await options.waitForSelector('[data-testid="team-form"]');
    await options.fill('#team-server', `http://${TEAM_HOST}`);
    await options.fill('#team-name', 'newsroom');
    await options.fill('#team-token', contributorToken);
    await options.click('[data-testid="team-form"] button[type="submit"]');
    await options.waitForSelector('[data-testid="team-share-chosen"]', { timeout: 20_000 });
    // Nothing typed: the newest reports of the corpus.
    await options.getByRole('button', { name: 'بحث', exact: true }).click();
    const boxes = options.locator('[data-testid="team-choose-hits"] input[type="checkbox"]');
    await boxes.first().waitFor({ timeout: 20_000 });
    expect(await boxes.count()).toBeGreaterThan(2);
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    const ticked = await options.$$eval('[data-testid="team-choose-hits"] li', (lis) => lis.filter((li) => li.querySelector('input')!.checked).map((li) => li.querySelector('span > bdi')!.textContent ?? ''));
    expect(ticked.length).toBe(2);
    expect(await unnamedControls(options)).toEqual([]);
    const from = seen.length;
    await options.getByRole('button', { name: /مشاركة المختار/ }).click();
    await options.waitForSelector('[data-testid="team-share-chosen-status"]', { timeout: 20_000 });
    await options.locator('[data-testid="team-share-chosen"]').screenshot({ path: `${SHOTS}/team-share-chosen.png` });
    const posts = seen.slice(from).filter((r) => r.url.endsWith('/reports') && r.method === 'POST');
    expect(posts.length).toBe(1);
    const sent = (JSON.parse(posts[0]!.body) as { records: ReportRecord[] }).records.map((r) => r.title);
    expect(sent.sort()).toEqual(ticked.sort());
    expect(errors).toEqual([]);
    await options.close();
  });
});

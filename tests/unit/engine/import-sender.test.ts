// An import part's records are checked whole unless the browser says the extension's options page
// sent them (it validated them as it parsed the file): a content script, a framed page, another
// extension page or a look-alike URL gets the full check, and a malformed record one clear error.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db';
import { engineHandlers } from '../../../lib/engine/handlers';
import { beginImport } from '../../../lib/engine/imports';
import { countReports } from '../../../lib/corpus/report-pages';
import { dispatch, senderOf, type Handlers, type Sender } from '../../../lib/messaging';
import { isOptionsPage } from '../../../lib/sender';
import type { ReportRecord } from '../../../lib/types';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const OPTIONS = `${ORIGIN}/options.html`;
const PROSE = 'قالت مصادر محلية إن القصف استهدف الحي الشرقي من المدينة صباح اليوم';
// Of a validated record's shape, but what the full check refuses (no line of six words): stored
// only when the options page sent it, which is how the test tells the full check was not run.
const WORDS: ReportRecord = { url: 'https://example.org/words', outlet: 'sana', title: 'حلب إدلب حماة', publishedAt: '2025-01-02', text: 'حلب إدلب حماة' };
const GOOD: ReportRecord = { url: 'https://example.org/good', outlet: 'sana', title: PROSE, publishedAt: '2025-01-03', text: PROSE };

async function sendPart(sender: Sender, records: unknown[]) {
  const db = openDb(`import-sender-${Math.random()}`);
  const ready = () => Promise.resolve();
  const handlers = engineHandlers(db, { lookups: ready, writes: ready, optionsPage: OPTIONS }) as unknown as Handlers;
  const job = await beginImport(db, { file: 'x.jsonl', total: records.length, problems: [] });
  const reply = await dispatch(handlers, { isnad: 'ui:import-part', data: { job: job.id, part: 0, records, lines: records.map((_, i) => i + 1) } }, sender);
  const stored = await countReports(db);
  return { db, reply, stored };
}

describe('an import part is trusted as validated only from the options page', () => {
  it('takes the options page\'s records as it validated them, without scanning their texts again', async () => {
    for (const url of [OPTIONS, `${OPTIONS}#import`, `${OPTIONS}?tab=corpus`]) {
      const { db, reply, stored } = await sendPart({ role: 'ui', url }, [WORDS, GOOD]);
      expect(reply).toMatchObject({ ok: true, value: { done: 2, added: 2, problems: [] } });
      expect(stored).toBe(2);
      db.close();
    }
  });

  it('checks whole the records of any other sender, a content script first', async () => {
    // What the browser says of a content script: its web page's URL, a tab, the top frame.
    const script = senderOf({ id: ID, url: 'https://evil.example/a', frameId: 0, tab: { id: 4, url: 'https://evil.example/a' } }, ID, ORIGIN)!;
    expect(script.role).toBe('page');
    const refused = await sendPart(script, [WORDS, GOOD]);
    expect(refused.reply).toMatchObject({ ok: false, error: 'ui:import-part is not answered to a web page' });
    expect(refused.stored).toBe(0);
    const others: Sender[] = [
      // A content-script role never trusted, whatever URL it names.
      { role: 'page', url: OPTIONS, tabId: 4 },
      // The options page framed in a web page's tab, the popup, look-alike paths and origins.
      { role: 'frame', url: OPTIONS, tabId: 4, tabUrl: 'https://evil.example/' },
      { role: 'ui', url: `${ORIGIN}/popup.html` },
      { role: 'ui', url: `${OPTIONS}.evil` },
      { role: 'ui', url: `chrome-extension://other/options.html` },
      { role: 'ui' },
    ];
    for (const sender of others) {
      expect(isOptionsPage(sender, OPTIONS)).toBe(false);
      // Straight to the handler (dispatch would refuse the first two outright): the full check.
      const db = openDb(`import-sender-h-${Math.random()}`);
      const ready = () => Promise.resolve();
      const job = await beginImport(db, { file: 'x.jsonl', total: 2, problems: [] });
      const res = await engineHandlers(db, { lookups: ready, writes: ready, optionsPage: OPTIONS })['ui:import-part']({ job: job.id, part: 0, records: [WORDS, GOOD], lines: [7, 8] }, sender);
      expect(res).toMatchObject({ done: 2, added: 1, problems: [{ file: 'x.jsonl', line: 7, reason: expect.stringMatching(/no Arabic or English prose/) }] });
      expect(await countReports(db)).toBe(1);
      db.close();
    }
    // Without the options page's URL the handler trusts no sender.
    expect(isOptionsPage({ role: 'ui', url: OPTIONS }, OPTIONS)).toBe(true);
  });

  it('gives a malformed record from the options page the full check\'s one clear error, storing nothing of it', async () => {
        const bad = [{ ...GOOD, text: 5 }, { ...GOOD, url: 'javascript:alert(1)' }, { ...GOOD, publishedAt: '2025-02-30' }, { ...GOOD, title: 'ب'.repeat(1001) }];
    const { db, reply, stored } = await sendPart({ role: 'ui', url: OPTIONS }, [...bad, GOOD]);
    expect(reply).toMatchObject({
      ok: true,
      value: {
        done: 5,
        added: 1,
        problems: [
          { line: 1, reason: 'field "text" missing or not a string' },
          { line: 2, reason: 'field "url" is not an http(s) address' },
          { line: 3, reason: 'field "publishedAt" is not a real day (2025-02-30)' },
          { line: 4, reason: 'field "title" longer than 1000 characters' },
        ],
      },
    });
    expect(stored).toBe(1);
    db.close();
  });
});

// Issue 15's "Done when", through the command a reader runs: `npm run -s isnad -- extract` on
// every fixture (live articles, listings, web-archive copies, saved page texts) gives what the
// fixture expects — the article's own date, not a sidebar's, and a body without its byline block.
import { describe, expect, it } from 'vitest';
import { run as extract } from '../../../cli/commands/extract';
import { FIXTURES, pageFixtures } from './fixture-pages';
import { join } from 'node:path';

describe('the extract command on every fixture', () => {
  for (const f of pageFixtures()) {
    it(`${f.name} (${f.kind})`, () => {
      const args = [join(FIXTURES, f.name, f.kind === 'text' ? 'page.txt' : 'page.html'), '--json'];
      if (f.url) args.push('--url', f.url);
      if (f.captured) args.push('--captured', f.captured);
      const got = extract(args) as unknown as Record<string, unknown>;
      const want = f.expected as Record<string, unknown> & { publishedAt?: { value: string | null } };
      expect([got['outlet'], got['pageType']]).toEqual([want['outlet'], want['pageType']]);
      if (f.kind === 'listing') return;
      expect((got['publishedAt'] as { value: string | null }).value).toBe(want.publishedAt!.value);
      // The real SANA pages' paragraphs are their authors' (tests/unit/outlets/sana.test.ts).
      if (want['paragraphs']) expect(got['paragraphs']).toEqual(want['paragraphs']);
      expect(got['title']).toBe(want['title']);
    });
  }
});

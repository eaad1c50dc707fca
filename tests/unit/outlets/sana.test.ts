// The two real sana.sy pages against the extraction their collectors made by hand: the title
// exactly, the paragraphs equal once whitespace is folded (the pages break lines inside them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractFromDocument } from '../../../lib/extract/html';
import { FIXTURES } from '../extract/fixture-pages';

const ws = (s: string) => s.replace(/[\s\u00a0\u200e\u200f]+/g, ' ').trim();

describe('SANA pages extract to their authors\' results', () => {
  for (const [name, url] of [['sana-1', 'https://sana.sy/culture-and-arts/2280593/'], ['sana-2', 'https://sana.sy/locals/2280713/']] as const) {
    it(name, () => {
      const html = readFileSync(join(FIXTURES, name, 'page.html'), 'utf8');
      const want = JSON.parse(readFileSync(join(FIXTURES, name, 'authors-result.json'), 'utf8')) as { title: string; body: string[] };
      const got = extractFromDocument(parseHTML(html).document as unknown as Document, url);
      expect(got.outlet).toBe('sana');
      expect(got.pageType).toBe('article');
      expect(got.title).toBe(want.title);
      expect(got.paragraphs.map(ws)).toEqual(want.body.map(ws).filter(Boolean));
    });
  }
});

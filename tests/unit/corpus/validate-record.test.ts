import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../../lib/corpus/formats';

const PROSE = 'قالت مصادر محلية إن القصف استهدف الحي الشرقي من المدينة صباح اليوم';
const WORDS = 'حلب إدلب حماة'; // three words: not a sentence
const RUN = 'ب'.repeat(2001);
const BROKEN = '\uFFFD'.repeat(40) + ' ' + PROSE; // 40 of ≈ 100 characters undecodable

const reason = (title: string, text: string) => {
  const r = validateRecord({ title, text, url: 'https://example.org/a' });
  return typeof r === 'string' ? r : null;
};

describe('a record is checked field by field, each in one scan, the title first', () => {
  it('names the title\'s fault before the text\'s, and a long run before undecodable characters', () => {
    expect(reason(BROKEN, `${PROSE} ${RUN}`)).toMatch(/^field "title": \d+% of its characters are undecodable/);
    expect(reason(PROSE, `${BROKEN} ${RUN}`)).toBe('field "text" has 2001 characters without a space (not prose)');
    expect(reason(PROSE, BROKEN)).toMatch(/^field "text": 4\d% of its characters are undecodable/);
    // Below the share (2 %), and spaces of every kind end a run.
    expect(reason(PROSE, `${PROSE} \uFFFD ${PROSE}`)).toBeNull();
    expect(reason(PROSE, ['ب'.repeat(1500), 'ت'.repeat(1500)].join('\u2003'))).toBeNull();
  });

  it('takes a report whose sentence is in its title or its text, and never joins the two into one line', () => {
    expect(reason(PROSE, WORDS)).toBeNull();
    expect(reason(WORDS, PROSE)).toBeNull();
    expect(reason(WORDS, `${WORDS}\n${PROSE}`)).toBeNull();
    // Three words ending the title and three starting the text are no sentence of six.
    expect(reason(WORDS, WORDS)).toBe('fields "title" and "text": no Arabic or English prose (no line of 6 words or more)');
    expect(reason('', WORDS)).toMatch(/no Arabic or English prose/);
  });
});

describe('the text is stripped of invisible characters only where its scan found one', () => {
  // The checks as they were before the text's scan told whether to strip: strip, then scan.
  const spaces = new Set([0x20, 0x0a, 0x09, 0x0d, 0xa0, 0x0c, 0x0b, 0x3000, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i)]);
  const longestRun = (s: string) => Math.max(0, ...s.split('').reduce((runs, ch) => (spaces.has(ch.charCodeAt(0)) ? runs.push(0) : runs[runs.length - 1]!++, runs), [0]));

  it('counts a run without the invisible characters in it, and keeps none of them', () => {
    for (const z of ['\u00AD', '\u061C', '\u200B', '\u202E', '\u2066', '\uFEFF']) {
      // 2,001 characters as sent, 2,000 once stripped: prose.
      const laced = `${PROSE} ${'ب'.repeat(1000)}${z}${'ب'.repeat(1000)}`;
      const r = validateRecord({ title: PROSE, text: laced, url: 'https://example.org/a' });
      expect(typeof r === 'string' ? r : r.text).toBe(`${PROSE} ${'ب'.repeat(2000)}`);
      // One more letter: 2,001 once stripped.
      expect(reason(PROSE, `${laced}ب`)).toBe('field "text" has 2001 characters without a space (not prose)');
      // Undecodable characters counted among the stripped text's (2 of 101 is under 2 %, 2 of 99 is not).
      expect(reason(PROSE, `\uFFFD\uFFFD ${'ت'.repeat(99)}${z.repeat(5)}`)).toBeNull();
      expect(reason(PROSE, `\uFFFD\uFFFD ${'ت'.repeat(97)}${z.repeat(5)}`)).toMatch(/^field "text": 2% of its characters are undecodable/);
    }
  });

  it('gives what stripping first and scanning after gave, on texts of every kind of character', () => {
    const alphabet = ['ب', 'a', ' ', '\n', '\u00A0', '\u2003', '\u3000', '\uFFFD', '\u00AD', '\u061C', '\u200B', '\u202A', '\u2060', '\uFEFF', '\u0001', '\u1FFF', '\u2010', '\uFFFF'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let k = 0; k < 400; k++) {
      const len = 1 + (next() % 60);
      const text = `${PROSE} ${Array.from({ length: len * (k % 7 === 0 ? 40 : 1) }, () => alphabet[next() % alphabet.length]).join('')}`;
      const r = validateRecord({ title: PROSE, text, url: 'https://example.org/a' });
      const stripped = text.replace(/[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '');
      if (typeof r !== 'string') expect(r.text).toBe(stripped);
      else if (r.includes('without a space')) expect(r).toBe(`field "text" has ${longestRun(stripped)} characters without a space (not prose)`);
      else expect(r).toMatch(/^field "text": \d+% of its characters are undecodable/);
      expect(longestRun(stripped) > 2000).toBe(typeof r === 'string' && r.includes('without a space'));
    }
  });
});

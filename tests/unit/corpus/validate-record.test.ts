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

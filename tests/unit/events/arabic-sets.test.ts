// scripts/arabic-sets.ts: a labelled set's doc tables turned back into its files, and the check of
// texts collected again (the texts live outside the repository and a machine laid anew loses them).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { skeletonOf, tableRows, textHash } from '../../../scripts/arabic-sets';

const doc = `# A set

| event | type | place | day | reports | why one incident |
|---|---|---|---|---:|---|
| strike-1 | air strike | Idlib | 2024-01-02 | 2 | both tell it \\| the same day |
| strike-2 | air strike | Idlib | 2024-01-09 | 1 | a week later |

| incident | incident | what they share |
|---|---|---|
| strike-1 | strike-2 | same town, another week |

| id | outlet | day | day from | evidence | event | url |
|---|---|---|---|---|---|---|
| s1-a | a.com | 2024-01-02 | url | /2024/01/02/ | strike-1 | https://a.com/2024/01/02/x |
| s1-b | b.net | 2024-01-02 | dateline | الثلاثاء 2 يناير | strike-1 | https://b.net/y |
| s2-a | a.com | 2024-01-09 | url | /2024/01/09/ | strike-2 | https://a.com/2024/01/09/z |
`;

describe('arabic-sets skeleton', () => {
  it('reads each incident with its reports, the hard negatives and each report but its text', () => {
    const s = skeletonOf(doc, 'test');
    expect(s.events.map((e) => [e.id, e.reports])).toEqual([['strike-1', ['s1-a', 's1-b']], ['strike-2', ['s2-a']]]);
    expect(s.events[0]?.why).toBe('both tell it | the same day');
    expect(s.hardNegatives).toEqual([{ events: ['strike-1', 'strike-2'], kind: 'same town, another week' }]);
    expect(s.reports[1]).toEqual({ id: 's1-b', url: 'https://b.net/y', outlet: 'b.net', publishedAt: '2024-01-02', dateFrom: 'dateline', dateEvidence: 'الثلاثاء 2 يناير', event: 'strike-1' });
  });

  it('refuses a table whose counts disagree, naming the incident', () => {
    expect(() => skeletonOf(doc.replace('| 2024-01-09 | 1 |', '| 2024-01-09 | 2 |'), 'test')).toThrow(/strike-2: the table says 2 reports, the reports table has 1/);
    expect(() => skeletonOf(doc.replace('| strike-2 | https://a.com/2024/01/09/z', '| strike-9 | https://a.com/2024/01/09/z'), 'test')).toThrow(/s2-a: event strike-9/);
  });

  it('reads a linked-incidents table with its kinds, and refuses a kind outside the four', () => {
    const linkedDoc = `${doc}\n| incident | incident | linked kind | why |\n|---|---|---|---|\n| strike-1 | strike-2 | second | the same town a week later |\n`;
    expect(skeletonOf(linkedDoc, 'test').linked).toEqual([{ events: ['strike-1', 'strike-2'], kind: 'second', why: 'the same town a week later' }]);
    expect(skeletonOf(doc, 'test').linked).toBeUndefined();
    expect(() => skeletonOf(linkedDoc.replace('| second |', '| sequel |'), 'test')).toThrow(/linked pair strike-1 \/ strike-2/);
    expect(() => skeletonOf(linkedDoc.replace('| strike-1 | strike-2 | second', '| strike-1 | strike-9 | second'), 'test')).toThrow(/linked pair strike-1 \/ strike-9/);
  });

  it("reads every committed set's doc whole", () => {
    // Set L (linked incidents) is a smaller test set than the others; every linked pair it labels is also a hard negative.
    const least: Record<string, number> = { 'EVENTS-TEST-L': 30 };
    for (const f of ['EVENTS-DEV', 'EVENTS-FRESH', 'EVENTS-TRAIN-A', 'EVENTS-TRAIN-B', 'EVENTS-TRAIN-C', 'EVENTS-TRAIN-D', 'EVENTS-TEST-L']) {
      const s = skeletonOf(readFileSync(`docs/${f}.md`, 'utf8'), f);
      expect(s.reports.length).toBeGreaterThan(least[f] ?? 50);
      const hard = new Set(s.hardNegatives.map((h) => [...h.events].sort().join(' ')));
      expect((s.linked ?? []).every((l) => f !== 'EVENTS-TEST-L' || hard.has([...l.events].sort().join(' ')))).toBe(true);
      expect(new Set(s.reports.map((r) => r.id)).size).toBe(s.reports.length);
      expect(s.reports.every((r) => /^https?:\/\//.test(r.url) && /^\d{4}-\d\d-\d\d$/.test(r.publishedAt))).toBe(true);
    }
  });

  it('hashes a text so that one changed letter shows and the title and text cannot trade places', () => {
    expect(textHash('عنوان', 'نص')).toMatch(/^[0-9a-f]{16}$/);
    expect(textHash('عنوان', 'نص')).not.toBe(textHash('عنوان', 'نض'));
    expect(textHash('ab', 'c')).not.toBe(textHash('a', 'bc'));
    expect(() => tableRows('no table', ['id'])).toThrow(/no table headed/);
  });
});

import { describe, expect, it } from 'vitest';
import { lookupTerms } from '../../../server/retrieval';

describe('the terms a team query looks up', () => {
  const terms = [
    { t: 'common', w: 0.1, df: 3000 },
    { t: 'rare', w: 2, df: 12 },
    { t: '@place', w: 1.5, df: 300 },
    { t: 'middling', w: 0.5, df: 900 },
  ];
  it('takes the rarest first while their postings fit the budget', () => {
    expect(lookupTerms(terms, 1300)).toEqual(['rare', '@place', 'middling']);
    expect(lookupTerms(terms, 400)).toEqual(['rare', '@place']);
    expect(lookupTerms(terms, 100_000)).toEqual(['rare', '@place', 'middling', 'common']);
  });
  it('always looks up at least the rarest term', () => {
    expect(lookupTerms(terms, 0)).toEqual(['rare']);
    expect(lookupTerms([], 10)).toEqual([]);
  });
});

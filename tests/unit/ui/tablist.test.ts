// Arrow keys follow the reading direction in the side panel's tabs; Home and End jump.
import { describe, expect, it } from 'vitest';
import { tabKeyTarget } from '../../../components/tablist';
import { gapKind, groupRelated, reasonsOf } from '../../../components/related-groups';
import type { RelatedReport } from '../../../lib/types';

describe('tablist keys', () => {
  it('in Arabic the left arrow goes to the next tab, in English the right arrow', () => {
    expect(tabKeyTarget('ArrowLeft', 0, 4, 'rtl')).toBe(1);
    expect(tabKeyTarget('ArrowRight', 0, 4, 'rtl')).toBe(3);
    expect(tabKeyTarget('ArrowRight', 0, 4, 'ltr')).toBe(1);
    expect(tabKeyTarget('ArrowLeft', 0, 4, 'ltr')).toBe(3);
  });
  it('wraps, jumps with Home and End, and ignores other keys', () => {
    expect(tabKeyTarget('ArrowLeft', 3, 4, 'rtl')).toBe(0);
    expect(tabKeyTarget('Home', 2, 4, 'ltr')).toBe(0);
    expect(tabKeyTarget('End', 0, 4, 'ltr')).toBe(3);
    expect(tabKeyTarget('Enter', 0, 4, 'ltr')).toBeNull();
    expect(tabKeyTarget('ArrowDown', 0, 4, 'ltr')).toBeNull();
  });
});

const rep = (id: string, relation: RelatedReport['relation'], score: number, extra: Partial<RelatedReport> = {}): RelatedReport => ({
  id, url: '', outlet: 'shaam', title: id, publishedAt: null, score, relation, sharedEntities: [], sharedTerms: [], dateGapDays: null, ...extra,
});

describe('related reports grouped by event', () => {
  it('same-event reports come first, then the others, each keeping the engine order', () => {
    const groups = groupRelated([rep('a', 'related', 0.9), rep('b', 'same-event', 0.5), rep('c', 'related', 0.4), rep('d', 'same-event', 0.3)]);
    expect(groups.map((g) => g.relation)).toEqual(['same-event', 'related']);
    expect(groups.map((g) => g.reports.map((r) => r.id))).toEqual([['b', 'd'], ['a', 'c']]);
  });
  it('reports with an event id are grouped by it', () => {
    const groups = groupRelated([rep('a', 'same-event', 0.9, { eventId: 'e1' } as Partial<RelatedReport>), rep('b', 'related', 0.8, { eventId: 'e2' } as Partial<RelatedReport>), rep('c', 'same-event', 0.2, { eventId: 'e1' } as Partial<RelatedReport>)]);
    expect(groups.map((g) => g.key)).toEqual(['e1', 'e2']);
    expect(groups[0]!.reports.map((r) => r.id)).toEqual(['a', 'c']);
  });
  it('explains a relation by shared entities first, else shared terms', () => {
    expect(reasonsOf(rep('a', 'related', 1, { sharedEntities: ['حلب'], sharedTerms: ['قصف'] }))).toEqual(['حلب']);
    expect(reasonsOf(rep('a', 'related', 1, { sharedTerms: ['قصف'] }))).toEqual(['قصف']);
    expect(gapKind(null)).toBeNull();
    expect(gapKind(0.2)).toBe('same-day');
    expect(gapKind(-3)).toBe('days');
  });
});

// The related list says why a report is there: what its event and the article's agree and differ
// on (place, day of the event, what happened, numbers, who) and the strength of the judgement.
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { RelatedItem } from '../../../components/RelatedList';
import { aspectIdsOf } from '../../../components/related-groups';
import { eventDoc, judge } from '../../../lib/events';
import type { RelatedReport } from '../../../lib/types';

vi.mock('../../../lib/i18n', () => ({
  t: (key: string) => `[${key}]`,
  tn: (key: string, n: number) => `[${key} ${n}]`,
  uiLang: () => 'en',
  messagesLang: () => 'en',
  formatNumber: String,
  formatPercent: (x: number) => `${Math.round(x * 100)}%`,
}));

const shelling = (date: string, killed: number, outlet: string) =>
  eventDoc(`مقتل ${killed} مدنيين بقصف مدفعي على كفرنبل`, `قتل ${killed} مدنيين وأصيب آخرون اليوم بقصف مدفعي لقوات النظام استهدف كفرنبل في ريف إدلب الجنوبي، بحسب الدفاع المدني.`, date, outlet);

function shown(r: RelatedReport, names = {}): Element {
  const { document } = parseHTML('<!doctype html><html><body><ul id="list"></ul></body></html>');
  const g = globalThis as unknown as { document?: Document };
  g.document = document as unknown as Document;
  try {
    const list = document.getElementById('list')!;
    render(h(RelatedItem, { r, onOpen: () => undefined, names }), list as unknown as Element);
    return list as unknown as Element;
  } finally {
    delete g.document;
  }
}

function report(j: ReturnType<typeof judge>): RelatedReport {
  return {
    id: 'r1', url: 'https://www.syria.tv/x', outlet: 'syria-tv', title: 'قصف كفرنبل', publishedAt: '2025-03-23', score: 0.5,
    relation: j.relation === 'same-event' ? 'same-event' : 'related', sharedEntities: [], sharedTerms: [], dateGapDays: 21,
    probability: j.probability, agreed: j.agreed, differed: j.differed,
  };
}

describe('why a report is related', () => {
  it('the same place weeks later: the place agrees, the day and the toll differ, and the strength is said', () => {
    const j = judge(shelling('2025-03-02', 4, 'enab-baladi'), shelling('2025-03-23', 7, 'syria-tv'));
    expect(j.relation).toBe('related');
    const r = report(j);
    expect(aspectIdsOf([r])).toContain('kafranbel');
    const list = shown(r, { kafranbel: { ar: 'كفرنبل', en: 'Kafranbel' } });
    const agreed = list.querySelector('[data-testid="why-agreed"]')!.textContent!;
    const differed = list.querySelector('[data-testid="why-differed"]')!.textContent!;
    expect(agreed).toContain('[aspectPlace]: Kafranbel');
    expect(differed).toContain('[aspectDay]');
    expect(differed).toContain('[daysApart 21]');
    expect(differed).toContain('[aspectKilled]: 4 / 7');
    // A report related by its place, weeks apart, is not given a near-zero "same event" chance.
    expect(j.probability).toBeLessThan(0.5);
    expect(list.querySelector('[data-testid="event-strength"]')).toBeNull();
    expect(list.querySelector('[data-aspect="day"] time')?.getAttribute('datetime')).toBe('2025-03-02');
  });

  it('the same event: place, day, what happened and the toll agree; nothing differs', () => {
    const j = judge(shelling('2025-03-02', 4, 'enab-baladi'), shelling('2025-03-02', 4, 'syria-tv'));
    expect(j.relation).toBe('same-event');
    const list = shown(report(j));
    const agreed = list.querySelector('[data-testid="why-agreed"]')!.textContent!;
    // Without the gazetteer's names yet, the engine's Arabic name stands in.
    expect(agreed).toContain('[aspectPlace]: كفرنبل');
    expect(agreed).toContain('[aspectWhat]: [eventShelling]');
    expect(agreed).toContain('[aspectKilled]: 4');
    expect(list.querySelector('[data-testid="why-differed"]')).toBeNull();
    expect(list.querySelector('[data-testid="event-strength"]')!.textContent).toBe(`${Math.round(j.probability * 100)}%`);
  });

  it('a related report that may yet be the same incident says how likely; one that is not, does not', () => {
    const j = judge(shelling('2025-03-02', 4, 'enab-baladi'), shelling('2025-03-23', 7, 'syria-tv'));
    const maybe = shown({ ...report(j), relation: 'related', probability: 0.62 });
    expect(maybe.querySelector('[data-testid="event-strength"]')!.textContent).toBe('62%');
    const unlikely = shown({ ...report(j), relation: 'related', probability: 0.49 });
    expect(unlikely.querySelector('[data-testid="event-strength"]')).toBeNull();
    // The agreed and differing aspects are still there without the strength.
    expect(unlikely.querySelector('[data-testid="why-agreed"]')).not.toBeNull();
  });

  it('a recurring report says so', () => {
    const rate = (day: string) => eventDoc(`سعر صرف الليرة السورية أمام الدولار اليوم ${day}`, 'سجلت الليرة السورية اليوم سعر 9300 ليرة للدولار في أسواق دمشق.', day, 'shaam');
    const list = shown(report(judge(rate('2025-06-11'), rate('2025-06-12'))));
    expect(list.querySelector('[data-testid="why-differed"] [data-aspect="recurring"]')!.textContent).toBe('[aspectRecurring]');
  });
});

// The event's day from the lede's main clause, not from a relative clause telling an earlier
// incident (lib/events/relative-clauses.ts, read by when.ts): "امتدت الاشتباكات التي اندلعت في
// جرمانا أمس الأول، إلى أشرفية صحنايا أمس" is the spread of yesterday, not the outbreak of the day
// before. Read first-wins, a report of a linked second incident took the first one's day.
import { describe, expect, it } from 'vitest';
import { eventSignature, isoDay } from '../../../lib/events';

// 2025-04-30 is a Wednesday.
const PUB = '2025-04-30';
const TITLE = 'توتر أمني في ريف دمشق';
const when = (lede: string, title = TITLE) => {
  const w = eventSignature(title, lede, PUB).when;
  return { day: w.day === null ? null : isoDay(w.day), days: (w.days ?? []).map(isoDay) };
};

describe("a relative clause's earlier day, the main clause's later one", () => {
  it('the main verb\'s day is the event\'s; the clause\'s is kept among the days named', () => {
    expect(when('امتدت الاشتباكات التي اندلعت في جرمانا أمس الأول، إلى أشرفية صحنايا أمس، وسط انتشار أمني.')).toEqual({ day: '2025-04-29', days: ['2025-04-28'] });
  });

  it('other pronouns and verbs: الذي وقع, الذي كانت قد شنته, a weekday and a date as the main day', () => {
    expect(when('انفجرت سيارة مفخخة ثانية قرب موقع التفجير الذي وقع في منبج يوم الاثنين، ظهر اليوم.').day).toBe('2025-04-30');
    expect(when('ردت فصائل المعارضة على القصف الذي كانت قد شنته قوات النظام على أريحا الأحد، بقصف مواقعها الثلاثاء.').day).toBe('2025-04-29');
    expect(when('تجددت المواجهات التي بدأت في السويداء في 26 نيسان 2025، لتصل إلى قرى الريف الغربي في 28 نيسان 2025.').day).toBe('2025-04-28');
  });

  it('written with hamzas, taa marbuta and diacritics as pages write them', () => {
    expect(when('وامتدّت المواجهاتُ الّتي اندلعت في جرمانا أمسِ الأول، إلى صحنايا أمس.').day).toBe('2025-04-29');
  });
});

describe('left as the first day named', () => {
  it('a relative clause with no day: the main clause\'s day, as before', () => {
    expect(when('امتدت الاشتباكات التي اندلعت في جرمانا، إلى أشرفية صحنايا أمس.').day).toBe('2025-04-29');
  });

  it('a main clause with no day: the clause\'s day stands', () => {
    expect(when('امتدت الاشتباكات التي اندلعت في جرمانا أمس الأول، إلى أشرفية صحنايا وسط انتشار أمني.').day).toBe('2025-04-28');
  });

  it('the two days equal', () => {
    expect(when('امتدت الاشتباكات التي اندلعت في جرمانا أمس، إلى أشرفية صحنايا أمس.')).toEqual({ day: '2025-04-29', days: [] });
  });

  it('a later day only in a later sentence', () => {
    expect(when('امتدت الاشتباكات التي اندلعت في جرمانا أمس الأول، إلى أشرفية صحنايا. وقال سكان إن الهدوء عاد اليوم.').day).toBe('2025-04-28');
  });

  it("the clause's incident itself: its toll rising, the fight going on", () => {
    expect(when('ارتفعت حصيلة ضحايا التفجير الذي وقع في منبج أمس الأول، إلى 20 قتيلا اليوم.').day).toBe('2025-04-28');
    expect(when('تتواصل الاشتباكات التي اندلعت في جرمانا أمس الأول، لليوم الثاني على التوالي اليوم.').day).toBe('2025-04-28');
  });

  it('a relative clause of no incident ("التي تسيطر"), and English', () => {
    expect(when('قصفت قوات النظام المناطق التي تسيطر عليها المعارضة أمس الأول، وفي ريف إدلب اليوم.').day).toBe('2025-04-28');
    const en = eventSignature('Clashes spread', 'Clashes that broke out in Jaramana yesterday spread to Ashrafiyat Sahnaya today.', PUB).when;
    expect(isoDay(en.day!)).toBe('2025-04-29');
  });
});

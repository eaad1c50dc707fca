// A sentence after the first that tells another incident "also" ("26 civilians were also killed
// yesterday", "كما قتل … أمس") dates that incident, not the report's: its day is kept among the
// days the report names, never taken as the event's (events23, from a FA-KES hard negative:
// the Syrian Coalition's al-Bureij barrel bomb dated by its background sentence on Aleppo's
// Maghayer district, the day of another outlet's report of that strike).
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../lib/events/day';
import { eventWhen } from '../../../lib/events/when';

const pub = '2015-07-22';
const today = dayNumber(pub)!;

/** The report undated by its own words, the background's yesterday kept as another day. */
function expectBackgroundYesterday(title: string, lede: string): void {
  const w = eventWhen(title, lede, pub);
  expect(w.day).toBe(today);
  expect(w.from).toBe('publication');
  expect(w.days).toEqual([today - 1]);
}

describe('a background sentence told "also" does not date the report', () => {
  it('English: the event undated, yesterday\'s other incident kept as another day', () => {
    expectBackgroundYesterday('18 Civilians Killed in Barrel Bomb Attack on Rural Aleppo', 'The regime committed a massacre in the village of al-Bureij northeast of Aleppo where 18 civilians were killed in a barrel bomb attack. Twenty-six civilians were also killed yesterday when the air force pounded the neighborhood of Al-Maghayer in Aleppo.');
  });

  it('English: "also" before a weekday in a later sentence', () => {
    const w = eventWhen('Shelling kills 7 in Deraa', 'Shelling killed seven people in the town of Nawa in Deraa province, a monitor said. Rebels also shelled the city of Sanamein on Monday, killing two.', pub);
    expect(w.from).toBe('publication');
    expect(w.day).toBe(today);
  });

  it('Arabic: كما … أمس in a later sentence', () => {
    expectBackgroundYesterday('مقتل 18 مدنيا بقصف على قرية البريج', 'قتل 18 مدنيا وجرح العشرات بقصف ببراميل متفجرة على قرية البريج شمال شرقي حلب. كما قتل 26 مدنيا أمس بغارات على حي المغاير في حلب.');
  });

  it('Arabic: أيضا after the day in a later sentence', () => {
    const w = eventWhen('مقتل سبعة بقصف على نوى', 'قتل سبعة أشخاص بقصف على مدينة نوى في ريف درعا. وقتل شخصان أيضا يوم الاثنين بقصف على الصنمين.', pub);
    expect(w.from).toBe('publication');
  });
});

describe("guards: the event's own day stands", () => {
  it('a day in the first sentence, "also" there or not', () => {
    expect(eventWhen('Strikes kill 12 in Idlib', 'Air strikes also killed 12 people in the town of Saraqeb yesterday, a monitor said.', pub).day).toBe(today - 1);
    expect(eventWhen('مقتل 12 بغارات على سراقب', 'قتل 12 شخصا أمس بغارات على مدينة سراقب. كما جرح آخرون اليوم.', pub).day).toBe(today - 1);
  });

  it('a later sentence without "also" still dates an undated first sentence', () => {
    expect(eventWhen('Strikes kill 12 in Idlib', 'Air strikes killed 12 people in the town of Saraqeb, a monitor said. The strikes hit the market yesterday.', pub).day).toBe(today - 1);
    expect(eventWhen('مقتل 12 بغارات على سراقب', 'قتل 12 شخصا بغارات على مدينة سراقب. واستهدفت الغارات السوق أمس.', pub).day).toBe(today - 1);
  });

  it('a word holding "also"\'s letters is not it ("كماليات", "also-ran")', () => {
    expect(eventWhen('أسعار الكماليات', 'ارتفعت أسعار المواد في الأسواق. والكماليات ارتفعت أمس.', pub).day).toBe(today - 1);
  });
});

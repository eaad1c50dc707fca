// The event's day when the page dates itself between the headline and the lede: a date after the
// page's words of publishing or updating, a date with a clock time at once after it, a caption's or
// a byline's date closing its line, and a weekday that names the date after it across a comma are
// the page's, not the event's (lib/events/page-stamps.ts); and "أمس الأول" is the day before
// yesterday, as "أول أمس" is (lib/events/when.ts). Read as the event's day they set reports of one
// event a day or three apart.
import { describe, expect, it } from 'vitest';
import { eventSignature, isoDay } from '../../../lib/events';

// 2022-11-20 is a Sunday, 2022-11-24 a Thursday; 2024-12-06 a Friday; 2025-04-30 a Wednesday.
const when = (title: string, text: string, pub: string) => {
  const w = eventSignature(title, text, pub).when;
  return { day: w.day === null ? null : isoDay(w.day), from: w.from, days: (w.days ?? []).map(isoDay) };
};
const day = (title: string, text: string, pub: string) => {
  const w = when(title, text, pub);
  return { day: w.day, from: w.from };
};

const HEADLINE = 'مقتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي';
// A subtitle line long enough that a date after it is no dateline at the lede's start.
const SUBTITLE = 'الدفاع المدني يقول إن فرقه انتشلت الضحايا من تحت أنقاض منزلين في البلدة.';

describe("a date after the page's words of publishing or updating", () => {
  it('is passed over, and the day the lede tells is read', () => {
    expect(day(HEADLINE, `${SUBTITLE}\nمنشور الجمعة 6 كانون الأول 2024\nقُتل ثلاثة مدنيين مساء الخميس بقصف مدفعي على كفرنبل.`, '2024-12-06')).toEqual({ day: '2024-12-05', from: 'relative' });
    // "تاريخ النشر:" and "آخر تحديث:", each with its weekday and a comma: neither weekday is counted back.
    const w = when(HEADLINE, `${SUBTITLE}\nتاريخ النشر: الخميس، 24 تشرين الثاني 2022 آخر تحديث: الجمعة، 25 تشرين الثاني 2022\nاستهدفت مسيّرات منشآت نفطية أمس في ريف الحسكة.`, '2022-11-24');
    expect({ day: w.day, from: w.from }).toEqual({ day: '2022-11-23', from: 'relative' });
    expect(w.days).not.toContain('2022-11-18');
    // "نُشر في" with diacritics, Arabic-Indic digits.
    expect(day(HEADLINE, `${SUBTITLE}\nنُشِر في ٦ كانون الأول ٢٠٢٤\nقُتل ثلاثة مدنيين أمس بقصف على كفرنبل.`, '2024-12-06')).toEqual({ day: '2024-12-05', from: 'relative' });
  });

  it('leaves a date a sentence tells the event on', () => {
    expect(day(HEADLINE, `${SUBTITLE}\nوكان القصف قد بدأ في 4 كانون الأول 2024 على أطراف البلدة واستمر حتى المساء.`, '2024-12-06')).toEqual({ day: '2024-12-04', from: 'text' });
  });
});

describe('a date with a clock time at once after it (a timestamp)', () => {
  it("is the page's, not the event's", () => {
    // The year after a comma, then the clock.
    expect(day(HEADLINE, `${SUBTITLE}\n21 تشرين الثاني، 2022 06:30 مساءً\nأطلقت وزارة الدفاع التركية، الأحد، عملية جوية ضد مواقع في ريف الحسكة.`, '2022-11-21')).toEqual({ day: '2022-11-20', from: 'relative' });
    // A dash before the clock, and the zone's name after it.
    expect(day(HEADLINE, `${SUBTITLE}\n06 كانون الأول 2024 - 04:41 بتوقيت غرينتش\nقُتل ثلاثة مدنيين أمس بقصف على كفرنبل.`, '2024-12-06')).toEqual({ day: '2024-12-05', from: 'relative' });
  });

  it('is the event\'s where a word stands between the date and its hour ("الساعة")', () => {
    expect(day(HEADLINE, `${SUBTITLE}\nووقع القصف في 4 كانون الأول 2024 الساعة 10:30 صباحاً على السوق.`, '2024-12-06')).toEqual({ day: '2024-12-04', from: 'text' });
  });
});

describe("a caption's or a byline's date closing its own line", () => {
  it('is passed over', () => {
    // A photo's caption: the archive picture's day, three days before the event.
    expect(day(HEADLINE, `${SUBTITLE}\nعناصر من الدفاع المدني في كفرنبل، 3 كانون الأول 2024\nقُتل ثلاثة مدنيين صباح اليوم بقصف على البلدة.`, '2024-12-06')).toEqual({ day: '2024-12-06', from: 'relative' });
    // With the photographer's credit after it.
    expect(day(HEADLINE, `${SUBTITLE}\nسوق البلدة بعد القصف، 3 كانون الأول 2024 (الدفاع المدني)\nقُتل ثلاثة مدنيين صباح اليوم بقصف على البلدة.`, '2024-12-06')).toEqual({ day: '2024-12-06', from: 'relative' });
    // A site's name and the page's date on a short line.
    expect(day('تجدد الاشتباكات في أشرفية صحنايا', `${SUBTITLE}\nالمنار 30-04-2025\nتجددت الاشتباكات أمس في أشرفية صحنايا بريف دمشق.`, '2025-04-30')).toEqual({ day: '2025-04-29', from: 'relative' });
  });

  it('leaves a date the headline tells, and a sentence of its own line that ends on its full stop', () => {
    expect(day('قصف على كفرنبل، 5 كانون الأول 2024', `${SUBTITLE}\nقُتل ثلاثة مدنيين بقصف على البلدة.`, '2024-12-06')).toEqual({ day: '2024-12-05', from: 'text' });
    expect(day(HEADLINE, `${SUBTITLE}\nقالت المصادر إن القصف وقع على السوق. وتكرر القصف على البلدة في 5 كانون الأول 2024`, '2024-12-06')).toEqual({ day: '2024-12-05', from: 'text' });
  });
});

describe('a weekday that names the date after it across a comma', () => {
  it('is not counted back from publication as a day gone by', () => {
    // Friday 25 November, the day after publication: not the Friday before (18 November).
    const w = when(HEADLINE, `${SUBTITLE}\nوتستمر الحملة حتى نهاية الأسبوع، على أن تُعلن النتائج الجمعة، 25 تشرين الثاني 2022.`, '2022-11-24');
    expect(w.day).not.toBe('2022-11-18');
    expect(w.days).not.toContain('2022-11-18');
  });

  it('leaves a weekday a comma and a toll follow ("الجمعة، 3 قتلى") counted back', () => {
    expect(day(HEADLINE, 'خلّف قصف مدفعي على كفرنبل مساء الخميس، 3 قتلى من المدنيين.', '2024-12-06')).toEqual({ day: '2024-12-05', from: 'relative' });
  });
});

describe('"أمس الأول", the day before yesterday', () => {
  it('is two days before publication, as "أول أمس" is', () => {
    expect(day('اشتباكات في جرمانا', 'امتدت الاشتباكات التي اندلعت أمس الأول في جرمانا بريف دمشق إلى البلدات المجاورة.', '2025-04-30')).toEqual({ day: '2025-04-28', from: 'relative' });
    expect(day('اشتباكات في جرمانا', 'وأمسِ الأوّل اندلعت اشتباكات في جرمانا بريف دمشق.', '2025-04-30')).toEqual({ day: '2025-04-28', from: 'relative' });
    expect(day('اشتباكات في جرمانا', 'اندلعت اشتباكات في جرمانا أول أمس.', '2025-04-30')).toEqual({ day: '2025-04-28', from: 'relative' });
  });

  it('leaves "أمس" alone yesterday, and "أمس، الأول من نوعه" too', () => {
    expect(day('اشتباكات في جرمانا', 'اندلعت اشتباكات في جرمانا أمس.', '2025-04-30')).toEqual({ day: '2025-04-29', from: 'relative' });
    expect(day('اجتماع في دمشق', 'عُقد في دمشق اجتماع أمس، الأول من نوعه منذ سنوات.', '2025-04-30')).toEqual({ day: '2025-04-29', from: 'relative' });
  });
});

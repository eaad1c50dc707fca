// Today named with its weekday ("اليوم الإثنين", "صباح اليوم الأربعاء") is today, as bare "اليوم"
// is: the report's own day, read where it stands and never a day something was only said on (after
// "أعلنت", "وقال" it is the day of the announcement the report tells), and excused, as today is, from
// dating an event after the other report's publication (lib/events/when.ts, pair-features.ts).
// A weekday alone ("يوم الأربعاء", "الإثنين") is read as before.
import { describe, expect, it } from 'vitest';
import { eventSignature, isoDay } from '../../../lib/events';
import { dayFeatures } from '../../../lib/events/pair-features';

// 2025-06-01 is a Sunday, 06-02 a Monday, 06-17 a Tuesday, 06-18 a Wednesday, 06-19 a Thursday.
const when = (title: string, text: string, pub: string) => {
  const w = eventSignature(title, text, pub).when;
  return { day: w.day === null ? null : isoDay(w.day), from: w.from };
};

describe('today named with its weekday', () => {
  it("is the event's day after a verb of saying, not a said day that yields to a background day", () => {
    // An announcement of today, yesterday's meeting behind it.
    expect(when('الخارجية ترحب بالاتفاق', 'أعلنت وزارة الخارجية، اليوم الاثنين، ترحيبها بالاتفاق الموقع بين الطرفين. وكان الطرفان قد اجتمعا أمس الأحد في دمشق.', '2025-06-02')).toEqual({ day: '2025-06-02', from: 'relative' });
    // An airline's announcement of today, a weekday of its coming timetable after it.
    expect(when('شركة طيران تستأنف رحلاتها إلى حلب', 'أعلنت شركة الطيران اليوم الثلاثاء استئناف رحلاتها إلى حلب، بواقع رحلة إضافية يوم الجمعة.', '2025-06-17')).toEqual({ day: '2025-06-17', from: 'relative' });
    // A time of day before it, and "أمس" told after.
    expect(when('المحافظ يتفقد الأحياء', 'وقال المحافظ خلال جولته صباح اليوم الأربعاء إن العمل مستمر، بعد أن زار أمس أحياء المدينة', '2025-06-18')).toEqual({ day: '2025-06-18', from: 'relative' });
    // The envoy's post of today; the meeting he welcomes, yesterday's, in a later sentence.
    expect(when('المبعوث يرحب بتقدم المحادثات', 'أعرب المبعوث عن ترحيبه بالتقدم. وقال في منشور عبر منصة إكس مساء اليوم الخميس: "نرحب بالتقدم". وأمس الأربعاء، كشف عضو اللجنة عن تفاهمات.', '2025-06-19')).toEqual({ day: '2025-06-19', from: 'relative' });
  });

  it('is today where the weekday is not today or yesterday (a stale weekday): today stands', () => {
    expect(when('الوزارة تعلن', 'أعلنت الوزارة اليوم السبت عن خطة جديدة للنقل', '2025-06-18')).toEqual({ day: '2025-06-18', from: 'relative' });
  });

  it('keeps "today" in the words read, so a day told as today is not a day after the other report was published', () => {
    const sunday = eventSignature('مرسوم لتنظيم شغل الوظائف القيادية', 'أصدر الرئيس السوري اليوم المرسوم رقم 44 القاضي بتنظيم شغل الوظائف القيادية.', '2025-06-01');
    const monday = eventSignature('الرئيس يصدر مرسوماً لتنظيم تعيين القيادات', 'أصدر الرئيس السوري المرسوم رقم 45، ويهدف المرسوم، الذي اطّلع عليه الموقع، اليوم الإثنين، إلى تنظيم شغل الوظائف القيادية.', '2025-06-02');
    expect(monday.when.raw).toMatch(/اليوم/);
    expect(dayFeatures(sunday, monday).features.dayAfterPub).toBe(0);
    const thursday = eventSignature('وصول أول طائرة للحجاج', 'وصلت أول طائرة تقل حجاجاً، صباح اليوم الخميس، إلى مطار دمشق الدولي', '2025-06-19');
    const wednesday = eventSignature('المطار يستعد لاستقبال الحجاج', 'يستعد مطار دمشق الدولي لاستقبال أولى رحلات الحجاج', '2025-06-18');
    expect(dayFeatures(wednesday, thursday).features.dayAfterPub).toBe(0);
  });
});

describe('a weekday that is not today (guards: read as before)', () => {
  it('is a said day after a verb of saying, yielding to the day told', () => {
    expect(when('غارة على بلدة', 'قال المرصد السوري يوم الأربعاء إن خمسة مدنيين قتلوا أمس بغارة على البلدة', '2025-06-18')).toEqual({ day: '2025-06-17', from: 'relative' });
    expect(when('حصيلة جديدة', 'ارتفعت حصيلة القتلى إلى 12، وفق ما أفادت مصادر محلية الأربعاء', '2025-06-18')).toEqual({ day: '2025-06-18', from: 'said' });
  });

  it('dates an event after the other report was published (a weekday alone is no "today")', () => {
    const sunday = eventSignature('مرسوم لتنظيم شغل الوظائف القيادية', 'أصدر الرئيس السوري المرسوم رقم 44 القاضي بتنظيم شغل الوظائف القيادية.', '2025-06-01');
    const monday = eventSignature('مرسوم جديد', 'أصدر الرئيس السوري يوم الإثنين مرسوماً جديداً لتنظيم شغل الوظائف القيادية.', '2025-06-02');
    expect(dayFeatures(sunday, monday).features.dayAfterPub).toBe(1);
  });

  it("is the outlet's yesterday when a report of today's weekday is published the day after", () => {
    expect(when('مقتل شابين بانفجار لغم', 'قُتل شابان مدنيان اليوم الاثنين، إثر انفجار لغم أرضي في البادية', '2025-06-17')).toEqual({ day: '2025-06-16', from: 'relative' });
  });

  it('is read as today where a comma stands between (as before), and a weekday naming a date leaves the date to be read', () => {
    expect(when('بيان الوزارة', 'وذكرت الوكالة، اليوم، الخميس، أن الوزير وصل إلى عمان، بعد محادثات أمس في دمشق', '2025-06-19')).toEqual({ day: '2025-06-19', from: 'relative' });
    expect(when('حملة أمنية', 'أطلقت قوى الأمن الداخلي في محافظة درعا حملة أمنية واسعة شملت عدة بلدات في الريف الغربي، صباح اليوم الأربعاء 18 حزيران، وفق مصادر محلية.', '2025-06-19')).toEqual({ day: '2025-06-18', from: 'text' });
  });
});

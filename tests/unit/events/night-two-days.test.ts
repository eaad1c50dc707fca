// A night told by both its days ("ليل الثلاثاء الأربعاء", "بعد منتصف ليل السبت الأحد", "ليلة
// الجمعة - السبت") is dated by the later day, the morning it ends in, as the other outlets date the
// strike after midnight; "الليلة الماضية" is the night that ended on the publication day, and is
// excused, as "اليوم" is, from dating an event after the other report's publication
// (lib/events/nights.ts, when.ts, pair-features.ts). A night of one day and "ليل أمس" read as before.
import { describe, expect, it } from 'vitest';
import { eventSignature, isoDay } from '../../../lib/events';
import { dayFeatures } from '../../../lib/events/pair-features';

// 2025-06-01 is a Sunday: 06-02 Monday, 06-03 Tuesday, 06-04 Wednesday, 06-05 Thursday, 06-06 Friday, 06-07 Saturday.
const when = (text: string, pub: string, title = '') => {
  const w = eventSignature(title, text, pub).when;
  return w.day === null ? null : isoDay(w.day);
};

describe('a night told by both its days', () => {
  it('is the later day, however the two days are joined', () => {
    expect(when('قصفت طائرات حربية ليل الثلاثاء الأربعاء مستودعات قرب مدينة الميادين، وفق مصادر محلية.', '2025-06-04')).toBe('2025-06-04');
    expect(when('قُتل ثلاثة أشخاص في غارة طالت بعد منتصف ليل السبت الأحد مبنى سكنياً في حي المزة.', '2025-06-08')).toBe('2025-06-08');
    expect(when('اندلعت اشتباكات عنيفة ليلة الجمعة - السبت بين مجموعتين مسلحتين في ريف المحافظة.', '2025-06-07')).toBe('2025-06-07');
    expect(when('شهدت البلدة ليلة الخميس على الجمعة انفجاراً هز أحياءها الشرقية.', '2025-06-06')).toBe('2025-06-06');
    expect(when('سقطت قذائف على أطراف المدينة ليل الإثنين/الثلاثاء دون إصابات.', '2025-06-03')).toBe('2025-06-03');
    expect(when('تعرضت مواقع عسكرية لقصف صاروخي ليلة الأربعاء والخميس في ريف درعا.', '2025-06-05')).toBe('2025-06-05');
  });

  it('is read so by the pair: the same strike told by its dawn and by its night is one day', () => {
    const dawn = eventSignature('غارات على مواقع شرق البلاد', 'استهدفت غارات جوية فجر اليوم الأربعاء مواقع في البوكمال.', '2025-06-04');
    const night = eventSignature('قصف يطال البوكمال', 'طالت ضربات جوية ليل الثلاثاء الأربعاء مواقع في البوكمال.', '2025-06-04');
    expect(dayFeatures(dawn, night).features.day0).toBe(1);
  });

  it('leaves a night of one day, two days not in a row, and yesterday\'s night as they were', () => {
    expect(when('غادرت الدفعة الأولى من الحافلات ليل السبت باتجاه الشمال.', '2025-06-08')).toBe('2025-06-07');
    expect(when('جرت مداهمات ليل الخميس الأحد الماضي في عدة قرى.', '2025-06-08')).toBe('2025-06-05');
    expect(when('ارتفع عدد ضحايا القصف الذي استهدف المنطقة ليل أمس إلى ستة.', '2025-06-02')).toBe('2025-06-01');
  });
});

describe('"the past night"', () => {
  it('is the publication day, the night that ended that morning', () => {
    expect(when('قال الجيش في بيان إنه نفذ الليلة الماضية غارة على موقع قرب العاصمة.', '2025-06-05')).toBe('2025-06-05');
    expect(when('أخمدت فرق الإطفاء بالليلة الماضية حريقاً في أحراج قرب الساحل.', '2025-06-06')).toBe('2025-06-06');
  });

  it('is excused, as today is, from dating an event after the other report was published', () => {
    const evening = eventSignature('انفجارات قرب المطار', 'سمع دوي انفجارات قرب المطار العسكري مساء اليوم.', '2025-06-04');
    const morning = eventSignature('غارة قرب المطار', 'نفذت طائرات الليلة الماضية غارة على محيط المطار العسكري.', '2025-06-05');
    expect(morning.when.raw).toMatch(/الليله الماضيه/);
    expect(dayFeatures(evening, morning).features.dayAfterPub).toBe(0);
  });
});

// What a page puts around its report is the page's, not the event's (lib/events/page-furniture.ts):
// its date line (with a section, a byline or the site's city beside it) does not date the event over
// the lede's own day; a widget or a menu ("مواقيت الصلاة", "عدد اليوم", the weather, an outlet's
// "<name> اليوم") is not read; a dateline's city is where the report was filed, the event's place
// only where the report names no more specific one. Cases in our own wording.
import { describe, expect, it } from 'vitest';
import { eventSignature, isoDay } from '../../../lib/events';
import { furnitureOf } from '../../../lib/events/page-furniture';

// 2025-06-03 is a Tuesday (06-01 Sunday, 06-02 Monday).
const sig = (text: string, pub = '2025-06-03', title = 'غارات جديدة تستهدف مواقع في ريف حلب الشمالي') => eventSignature(title, text, pub);
const day = (text: string, pub = '2025-06-03') => {
  const d = sig(text, pub).when.day;
  return d === null ? null : isoDay(d);
};
// Pages repeat the headline and put a photo's caption above their date line (further into the lede
// than a dateline's date at its start).
const repeated = 'غارات جديدة تستهدف مواقع في ريف حلب الشمالي\nآثار قصف سابق على أطراف المدينة (أرشيف)';

describe("a page's date line", () => {
  it('is not the event\'s day when the lede names its own, whatever stands beside the date', () => {
    // A section and a writer beside the date.
    expect(day(`${repeated}\n\nمحلي | 3 حزيران 2025 | كاتب التقرير\n\nقصفت مدفعية ثقيلة مساء أمس الاثنين أطراف بلدة تادف شرقي حلب.`)).toBe('2025-06-02');
    // A weekday, a comma, a dash before the year.
    expect(day(`${repeated}\n\nالثلاثاء, 3 يونيو - 2025\n\nشنت طائرات مسيرة يوم الأحد ضربات على مواقع قرب مدينة الباب.`)).toBe('2025-06-01');
    // The site's city after the date, the month as the Levant names it.
    expect(day(`${repeated}\nالثلاثاء 3 حزيران 2025 أبوظبي الإمارات\nقتل شخصان بانفجار عبوة ناسفة في وقت مبكر أمس بمدينة الباب.`)).toBe('2025-06-02');
    // The date alone on its line, in Arabic-Indic digits.
    expect(day(`${repeated}\n\n٣ حزيران ٢٠٢٥\n\nأعلنت مصادر محلية أن اشتباكات اندلعت مساء أمس في محيط بلدة تادف.`)).toBe('2025-06-02');
  });

  it('leaves a sentence that dates the event on its own line, and a lede without a day, as they were', () => {
    expect(day(`${repeated}\n\nقتل مدنيان في قصف طال بلدة تادف في 1 حزيران 2025 وفق مصادر محلية متعددة.`)).toBe('2025-06-01');
    expect(day(`${repeated}\n\nمحلي | 3 حزيران 2025\n\nاستهدف قصف مدفعي أطراف بلدة تادف شرقي حلب دون تسجيل إصابات.`)).toBe('2025-06-03');
  });
});

describe('widgets and menus', () => {
  it('are not read: "عدد اليوم" is not today, prayer times not a recurring report, the weather\'s country not an actor', () => {
    const s = sig(`الثلاثاء 3 يونيو 2025 أبوظبي\nمواقيت الصلاة\nأبرز الأخبار\nعدد اليوم\nالأخبار العالمية\n\n${repeated}\n\nقتل ثلاثة أشخاص بانفجار سيارة مفخخة أمس في سوق بمدينة الباب.`);
    expect(s.recurring).toBe(false);
    expect(isoDay(s.when.day!)).toBe('2025-06-02');
    const weather = sig(`-\n℃ 19 تركيا\n-\n${repeated}\n\nأعلن الجيش الإسرائيلي مساء أمس تنفيذ غارة على موقع قرب دمشق.`);
    expect(weather.actors).not.toContain('turkey');
  });

  it('an outlet\'s name in "<name> اليوم" on its own line is not today', () => {
    expect(day(`${repeated}\n\nالشمال اليوم\n\nسيطرت فصائل مسلحة أمس الاثنين على قرية قرب مدينة الباب بعد اشتباكات.`)).toBe('2025-06-02');
    expect(day(`${repeated}\nحلب اليوم – متابعات\nانفجرت عبوة ناسفة مساء أمس في سوق شعبي بمدينة الباب.`)).toBe('2025-06-02');
  });
});

describe('a dateline', () => {
  it("is where the report was filed: its city is not the event's place when the lede names another", () => {
    const title = 'وفد حكومي يصل إلى شمال البلاد';
    const lede = 'وصل وفد حكومي اليوم الثلاثاء إلى مدينة منبج في زيارة لتفقد الأوضاع.';
    for (const filed of ['اسطنبول/وكالات- ', 'بيروت - ', 'القاهرة (وكالات)\n\n']) {
      const s = sig(`${title} في زيارة رسمية\n\n${filed}${lede}`, '2025-06-03', title);
      expect(s.place?.id, filed).toBe('manbij');
      expect(s.places, filed).toEqual(['manbij']);
    }
  });

  it('is the place where the report names no other', () => {
    const title = 'توقيف تاجر مخدرات بارز';
    expect(sig(`${title} في العاصمة\n\nدمشق - أعلنت وزارة الداخلية اليوم الثلاثاء توقيف تاجر مخدرات بارز.`, '2025-06-03', title).place?.id).toBe('damascus');
    expect(sig(`دمشق - أعلنت وزارة الداخلية اليوم الثلاثاء توقيف تاجر مخدرات بارز.`, '2025-06-03', title).place?.id).toBe('damascus');
  });
});

describe('furnitureOf', () => {
  it('tells the kinds apart and leaves a lede line alone', () => {
    expect(furnitureOf('سياسي | 15 أيار 2025 | محرر الموقع')?.kind).toBe('date');
    expect(furnitureOf('03-06-2025 | 10:40')?.kind).toBe('date');
    expect(furnitureOf('مواقيت الصلاة')?.kind).toBe('widget');
    expect(furnitureOf('مواقيت الصلاة في دمشق. وتفاصيل أخرى')).toBeNull();
    expect(furnitureOf('اسطنبول/وكالات- وصل الوزير')).toEqual({ kind: 'dateline', length: 'اسطنبول/وكالات-'.length });
    expect(furnitureOf('قتل مدنيان في قصف طال بلدة تادف في 1 حزيران 2025.')).toBeNull();
  });
});

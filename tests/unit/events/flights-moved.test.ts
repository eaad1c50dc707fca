// Flights moved to another airport ("تحول رحلاتها من دمشق إلى حلب", "نقل رحلات … إلى مطار حلب",
// "flights diverted to Aleppo") are an event of their own at an airport, as a closure denied is:
// a thing the headline names (lib/events/what.ts), not the airport's flights that nearly every
// report of it names. Two reports of one airport and one day, one of flights moved and one of a
// pilgrims' flight landed, tell two events; two tellings of one move, one.
import { describe, expect, it } from 'vitest';
import { eventSignature } from '../../../lib/events';
import { whatFeatures } from '../../../lib/events/what';

const what = (title: string, text = '') => eventSignature(title, text, '2025-06-19').what;

describe('flights moved to another airport', () => {
  it('is what the headline names, in the words outlets use (Arabic and English)', () => {
    for (const title of [
      'السورية للطيران تحول رحلاتها من مطار دمشق إلى مطار حلب',
      'نقل رحلات أجنحة الشام مؤقتاً من دمشق إلى اللاذقية',
      'تحويل مسار الرحلات القادمة إلى دمشق نحو مطار حلب الدولي',
      'الخطوط الجوية تعلن نقل الرحلات إلى مطار حلب حتى إشعار آخر',
      'Syrian Air diverts flights from Damascus to Aleppo',
      'Flights rerouted to Aleppo as Damascus airspace shuts',
    ]) expect([title, what(title).title.includes('diversion')]).toEqual([title, true]);
    expect(what('إعلان من المؤسسة', 'أعلنت الخطوط الجوية السورية استمرار تحويل رحلاتها الجوية من مطار دمشق الدولي إلى مطار حلب.').all).toContain('diversion');
  });

  it('is not another move, turn or flight (guards)', () => {
    for (const title of [
      'تحول كبير في الموقف الأوروبي من سوريا',
      'نقل جرحى القصف إلى مستشفى المدينة',
      'استئناف الرحلات الجوية بين دمشق والرياض',
      'وصول أول طائرة للحجاج إلى مطار دمشق',
      'Talks on the transfer of power resume in Geneva',
      'First flight from Riyadh lands in Damascus',
    ]) expect([title, what(title).all.includes('diversion')]).toEqual([title, false]);
  });

  it("tells flights moved and a pilgrims' flight landed apart, and two tellings of one move together", () => {
    const sig = (title: string, text: string) => eventSignature(title, text, '2025-06-19');
    const moved = sig('السورية للطيران تحول رحلات جوية من دمشق إلى حلب', 'أعلنت الخطوط الجوية السورية استمرار تحويل رحلاتها من مطار دمشق الدولي إلى مطار حلب الدولي.');
    const moved2 = sig('نقل رحلات السورية للطيران إلى مطار حلب', 'قررت السورية للطيران نقل رحلاتها من مطار دمشق الدولي إلى مطار حلب مؤقتاً.');
    const pilgrims = sig('وصول أول طائرة لحجاج بيت الله الحرام إلى مطار دمشق الدولي', 'وصلت اليوم إلى مطار دمشق الدولي أول طائرة تقل حجاج بيت الله الحرام.');
    expect(whatFeatures(moved, pilgrims, 0, false, false)).toMatchObject({ whatSame: 0, whatConflict: 1 });
    expect(whatFeatures(moved, moved2, 0, false, false)).toMatchObject({ whatSame: 1, whatConflict: 0 });
  });
});

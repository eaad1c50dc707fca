// Places the gazetteer lacked, added as it is built (lib/entities/data/places.json, with their
// parents and aliases): a landmark two cities share a name for, resolved by the region the text
// names (the scientific research centre of Barzeh in Damascus, and Aleppo's); the Military Academy
// of Homs (al-Waer), named bare only where the text names Homs; capitals abroad where Syrian news
// happens (Riyadh, Cairo).
import { describe, expect, it } from 'vitest';
import { eventSignature } from '../../../lib/events';
import { ancestors } from '../../../lib/entities';

const place = (title: string, text: string, pub = '2025-06-02') => eventSignature(title, text, pub).place?.id ?? null;
const places = (title: string, text: string, pub = '2025-06-02') => eventSignature(title, text, pub).places;

describe('a research centre two cities name alike', () => {
  it('is Barzeh\'s where the text names Damascus or Barzeh', () => {
    expect(place('', 'دمّرت الصواريخ مبنى مركز البحوث العلمية في حي برزة بدمشق فجر اليوم.')).toBe('scientific-research-barzeh');
    expect(place('صواريخ العدوان دمرت مبنى للبحوث العلمية بدمشق', 'أعلن التلفزيون أن الصواريخ دمرت مبنى للبحوث العلمية بدمشق.')).toBe('scientific-research-barzeh');
    // The other plural (أبحاث), and برزة spelt with alef.
    expect(places('', 'لم تتسبب الضربات سوى بأضرار مادية في مركز للأبحاث العلمية في منطقة برزا بالعاصمة دمشق.')).toContain('scientific-research-barzeh');
    expect(ancestors('scientific-research-barzeh').map((e) => e.id)).toEqual(['scientific-research-barzeh', 'barzeh', 'damascus', 'damascus-gov', 'syria']);
  });

  it('stays Aleppo\'s where the text names Aleppo', () => {
    expect(place('', 'اشتباكات عنيفة قرب البحوث العلمية غرب مدينة حلب.')).toBe('scientific-research-aleppo');
  });
});

describe('the Military Academy of Homs', () => {
  it('is read where the text names Homs, with diacritics too', () => {
    expect(place('قتلى في هجوم بمسيرات على الكلية الحربية بحمص', 'قُتل العشرات في هجوم بطائرات مسيرة استهدف حفل تخرج في الكلية الحربية في حمص.')).toBe('homs-military-academy');
    expect(place('', 'تعرّضَ حفلُ تخريجِ طلابِ الكُلِّيَّةِ الحَرْبِيَّةِ في مدينة حمص لهجومٍ بمسيّرات.')).toBe('homs-military-academy');
    expect(ancestors('homs-military-academy').map((e) => e.id)).toContain('waer');
  });

  it('is not read bare where the text names no Homs (another country\'s academy)', () => {
    expect(places('', 'تخرجت دفعة جديدة من الكلية الحربية في القاهرة بحضور الرئيس.')).not.toContain('homs-military-academy');
  });
});

describe('capitals abroad', () => {
  it('Riyadh and Cairo, by name or as "the Saudi/Egyptian capital"', () => {
    expect(place('', 'التقى الرئيس الأمريكي اليوم الأربعاء بنظيره السوري في العاصمة السعودية الرياض.')).toBe('riyadh');
    expect(place('', 'عُقد لقاء في الرياض صباح اليوم جمع ولي العهد والرئيس السوري.')).toBe('riyadh');
    expect(place('', 'قرر وزراء الخارجية العرب في اجتماعهم بالقاهرة عودة سوريا إلى الجامعة العربية.')).toBe('cairo');
    expect(place('', 'اجتمع الوزراء في العاصمة المصرية لبحث عودة سوريا.')).toBe('cairo');
  });
});

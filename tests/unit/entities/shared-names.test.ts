// A name two places share: the text's own region decides — a specific place of it anywhere, or its
// governorate (or the governorate's capital) in the same sentence; a capital named only elsewhere
// in the text (background: "in Aleppo and Damascus") does not outweigh the better-known place; a
// neighbourhood's region is its city.
import { describe, expect, it } from 'vitest';
import { matchEntities } from '../../../lib/entities';
import { eventSignature } from '../../../lib/events/signature';

/** The place the words `name` of `text` were read as. */
const placeOf = (text: string, name: string) => matchEntities(text).find((m) => text.slice(m.start, m.end).includes(name))?.id;

const CASES: Array<[why: string, text: string, name: string, id: string]> = [
  // المالكية: the Hasakeh city unless the text is about the village near Azaz.
  ['a capital named only in another sentence', 'أزمة مياه قرب المالكية.\nوأكد الوزير أن العمل مستمر في حلب.', 'المالكية', 'malikiyah'],
  ['two capitals of a background sentence', 'احتجاجات في المالكية على انقطاع المياه. وفي سياق آخر، شهدت أسواق حلب ودمشق ارتفاعاً في الأسعار.', 'المالكية', 'malikiyah'],
  ['a capital on the next line', 'حريق في محيط المالكية صباح اليوم\nوقال مسؤول في حلب إن الفرق تعمل.', 'المالكية', 'malikiyah'],
  ['its governorate in the same sentence', 'قصف على المالكية في محافظة حلب', 'المالكية', 'malikiyah-azaz'],
  ['its capital in the same sentence', 'اشتباكات في المالكية شمال حلب', 'المالكية', 'malikiyah-azaz'],
  ['a town near it in another sentence', 'قصف على المالكية.\nوكانت القوات قد تقدمت نحو مارع.', 'المالكية', 'malikiyah-azaz'],
  ['the other governorate in the same sentence', 'في المالكية شمال شرق الحسكة', 'المالكية', 'malikiyah'],
  // One sentence as lib/arabic tells them: a decimal, an initial or a web address does not end it.
  ['its capital in the same sentence before a decimal', 'شهدت حلب ارتفاع منسوب المياه 2.5 متر قرب المالكية', 'المالكية', 'malikiyah-azaz'],
  ['its governorate in the same sentence before an initial', 'في محافظة حلب قال د. أحمد إن القصف طال المالكية', 'المالكية', 'malikiyah-azaz'],
  ['its capital in the same sentence before a web address', 'في حلب نشر موقع www.example.com صوراً من المالكية', 'المالكية', 'malikiyah-azaz'],
  ['a capital in the sentence before, closed by a full stop', 'شهدت حلب ارتفاع الأسعار. وفي المالكية انقطعت المياه', 'المالكية', 'malikiyah'],
  // حي الميدان: Aleppo has one too; Damascus's where the text says nothing of either city.
  ['Aleppo in the same sentence', 'قصف على حي الميدان في حلب', 'الميدان', 'midan-aleppo'],
  ['Aleppo in the title', 'حلب: انقطاع المياه عن حي الميدان والسليمانية', 'الميدان', 'midan-aleppo'],
  ['Damascus in the same sentence', 'دورية في حي الميدان وسط دمشق', 'الميدان', 'midan-damascus'],
  ['neither city', 'انفجار في حي الميدان صباح اليوم', 'الميدان', 'midan-damascus'],
  ['a town of Aleppo’s countryside in passing (its region is its city)', 'شح المياه في حي الميدان.\nوكانت اشتباكات قد اندلعت في السفيرة.', 'الميدان', 'midan-damascus'],
  ['another neighbourhood of Aleppo', 'شح المياه في حي الميدان.\nوكانت اشتباكات قد اندلعت في حي السكري.', 'الميدان', 'midan-aleppo'],
];

describe('a name two places share', () => {
  it.each(CASES)('%s', (_why, text, name, id) => {
    expect(placeOf(text, name)).toBe(id);
  });

  it('the event signature of the 100k benchmark query 38219 (a water crisis, Aleppo named only in background) is the Hasakeh city', () => {
    const title = 'ميليشيات النظام .. أزمة مياه قرب المالكية';
    const text = 'وذكر شهود أن فِيقرارها، والشابة، تزامنا مع أزمة مياه فّي المالكية.\nوحمّلت المصادر ميليشيات النظام المسؤولية عن أزمة مياه، وسّط تراجعه في المنطقة.\nأفادت مصادر محلية بوقوع أزمة مياه في محيط المالكية بصباح اليوم، ما أسفر عن ٢٦ إصابات.\nبعد سقوط الذي قاسيون، مؤكدة أن بقوله المقدس" الأحرار بيِاناً نفت فيه صحة.\nوأكد الوزير التركي كمال ميميش مشرف فّي ظل المتغيرات حلب، واستمر العمل.';
    expect(eventSignature(title, text, '2026-01-05').place?.id).toBe('malikiyah');
  });
});

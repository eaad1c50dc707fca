// A name two places share: the text's own region decides — a specific place of it anywhere, or its
// governorate (or the governorate's capital) in the same sentence; a capital named only elsewhere
// in the text (background: "in Aleppo and Damascus") does not outweigh the better-known place.
import { describe, expect, it } from 'vitest';
import { matchEntities } from '../../../lib/entities';
import { eventSignature } from '../../../lib/events/signature';

const first = (t: string, name: string) => matchEntities(t).find((m) => t.slice(m.start, m.end).includes(name))!.id;

describe('المالكية: the Hasakeh city unless the text is about the village near Azaz', () => {
  it('a capital named only in another sentence does not make it the village', () => {
    expect(first('أزمة مياه قرب المالكية.\nوأكد الوزير أن العمل مستمر في حلب.', 'المالكية')).toBe('malikiyah');
    expect(first('احتجاجات في المالكية على انقطاع المياه. وفي سياق آخر، شهدت أسواق حلب ودمشق ارتفاعاً في الأسعار.', 'المالكية')).toBe('malikiyah');
    expect(first('حريق في محيط المالكية صباح اليوم\nوقال مسؤول في حلب إن الفرق تعمل.', 'المالكية')).toBe('malikiyah');
  });

  it('its governorate or capital in the same sentence, or a place near it anywhere, makes it the village', () => {
    expect(first('قصف على المالكية في محافظة حلب', 'المالكية')).toBe('malikiyah-azaz');
    expect(first('اشتباكات في المالكية شمال حلب', 'المالكية')).toBe('malikiyah-azaz');
    expect(first('قصف على المالكية.\nوكانت القوات قد تقدمت نحو مارع.', 'المالكية')).toBe('malikiyah-azaz');
    expect(first('في المالكية شمال شرق الحسكة', 'المالكية')).toBe('malikiyah');
  });

  it('the event signature of the 100k benchmark query 38219 (a water crisis, Aleppo named only in background) is the Hasakeh city', () => {
    const title = 'ميليشيات النظام .. أزمة مياه قرب المالكية';
    const text = 'وذكر شهود أن فِيقرارها، والشابة، تزامنا مع أزمة مياه فّي المالكية.\nوحمّلت المصادر ميليشيات النظام المسؤولية عن أزمة مياه، وسّط تراجعه في المنطقة.\nأفادت مصادر محلية بوقوع أزمة مياه في محيط المالكية بصباح اليوم، ما أسفر عن ٢٦ إصابات.\nبعد سقوط الذي قاسيون، مؤكدة أن بقوله المقدس" الأحرار بيِاناً نفت فيه صحة.\nوأكد الوزير التركي كمال ميميش مشرف فّي ظل المتغيرات حلب، واستمر العمل.';
    expect(eventSignature(title, text, '2026-01-05').place?.id).toBe('malikiyah');
  });
});

describe('حي الميدان: Aleppo has one too', () => {
  it('is Aleppo’s in a text about Aleppo, Damascus’s in one about Damascus or about neither', () => {
    expect(first('قصف على حي الميدان في حلب', 'الميدان')).toBe('midan-aleppo');
    expect(first('حلب: انقطاع المياه عن حي الميدان والسليمانية', 'الميدان')).toBe('midan-aleppo');
    expect(first('دورية في حي الميدان وسط دمشق', 'الميدان')).toBe('midan-damascus');
    expect(first('انفجار في حي الميدان صباح اليوم', 'الميدان')).toBe('midan-damascus');
  });
});

describe('a neighbourhood’s region is its city', () => {
  it('a town of the governorate’s countryside named in passing does not make حي الميدان Aleppo’s', () => {
    expect(first('شح المياه في حي الميدان.\nوكانت اشتباكات قد اندلعت في السفيرة.', 'الميدان')).toBe('midan-damascus');
    expect(first('شح المياه في حي الميدان.\nوكانت اشتباكات قد اندلعت في حي السكري.', 'الميدان')).toBe('midan-aleppo');
  });
});

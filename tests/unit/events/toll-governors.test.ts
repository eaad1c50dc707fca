// Tolls an Arabic lead tells in ways the toll reading missed (arabic21, the Arabic dev set's
// largest reading kind, bench/EVENTS.md): a killing word with ب or ل joined to it ("أفادت بمقتل",
// "أدى لمقتل"), "راح ضحيتها N", and a toll told as its rise ("ارتفع عدد القتلى إلى N"). Sentences
// in our own words.
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../../lib/compare/numbers';
import { eventSignature } from '../../../lib/events';

const tolls = (s: string) => findNumbers(s).filter((m) => m.what === 'casualties').map((m) => [m.unit, m.value]);

describe('a toll governed by a killing word with ب or ل joined', () => {
  it('reads بمقتل and لمقتل as killing, and بإصابة as wounding', () => {
    expect(tolls('أفادت مصادر محلية بمقتل 6 نساء وإصابة 9 أخريات بانفجار عبوة في السوق')).toEqual([['killed', 6], ['wounded', 9]]);
    expect(tolls('انهار سقف المدرسة ما أدى لمقتل 4 أطفال')).toEqual([['killed', 4]]);
    expect(tolls('وأفاد المسعفون بإصابة 3 أشخاص بجروح طفيفة')).toEqual([['wounded', 3]]);
  });

  it('leaves ل and ب of other words alone', () => {
    // لقاء، بلغ: not killing words once a letter is let go.
    expect(tolls('عقد لقاء 3 وزراء في العاصمة')).toEqual([]);
    expect(tolls('بلغ 12 شخصا مركز المدينة سيرا')).toEqual([]);
  });
});

describe('a toll told as "its victims were N"', () => {
  it('reads راح ضحيتها and ذهب ضحيته as killing', () => {
    expect(tolls('وقعت مجزرة في القرية راح ضحيتها 11 شخصاً')).toEqual([['killed', 11]]);
    expect(tolls('حادث سير ذهب ضحيته 3 شبان')).toEqual([['killed', 3]]);
  });
});

describe('a toll told as its rise', () => {
  it('reads "the number of dead (or hurt) rose to N" as the toll', () => {
    expect(tolls('ارتفع عدد القتلى إلى 8 أشخاص بعد انتشال جثث من تحت الأنقاض')).toEqual([['killed', 8]]);
    expect(tolls('وقال المسعفون إن عدد ضحايا الحريق قد ارتفع إلى 31 شخصاً')).toEqual([['killed', 31]]);
    expect(tolls('ارتفعت حصيلة الشهداء إلى 5.')).toEqual([['killed', 5]]);
    expect(tolls('وارتفع عدد الجرحى إلى 20 شخصا')).toEqual([['wounded', 20]]);
  });

  it('does not read other rises or other counts as a toll', () => {
    expect(tolls('ارتفع عدد النازحين إلى 300 شخص')).toEqual([]);
    expect(tolls('وصل عدد الزوار إلى 50 شخصاً')).toEqual([]);
    expect(tolls('ارتفع عدد القتلى منذ عام 2011 إلى أرقام غير مسبوقة')).toEqual([]);
  });
});

describe('the event signature reads the lead\'s toll, not its recap of another blast', () => {
  it('takes the first toll told, read as killing with its joined ب', () => {
    const sig = eventSignature('', 'أفادت مصادر اليوم الأحد بمقتل 9 نساء وإصابة 12 أخريات في انفجار سيارة مفخخة في البلدة. ويوم الخميس الماضي قتل شخصان في انفجار مماثل.', '2025-03-02');
    expect(sig.numbers).toMatchObject({ killed: 9, injured: 12 });
  });
});

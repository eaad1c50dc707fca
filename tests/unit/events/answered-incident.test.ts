// A sentence after the lede's first that says what the report's act comes after or answers
// ("وتأتي الغارات بعد مقتل …", "يأتي ذلك رداً على …") tells another incident — the one recapped or
// answered, not the one reported (lib/events/earlier-incidents.ts): its days are not the event's
// nor among the days named once the event is dated (when.ts), its tolls are not the report's
// (signature.ts). Our own wording.
import { describe, expect, it } from 'vitest';
import { eventSignature, isoDay } from '../../../lib/events';
import { eventDoc, pairFeatures } from '../../../lib/events/pair';

// 2025-03-10 is a Monday.
const PUB = '2025-03-10';
const TITLE = 'قصف تركي على مواقع قرب سراقب';
const sig = (lede: string, title = TITLE, pub = PUB) => {
  const s = eventSignature(title, lede, pub);
  return { day: s.when.day === null ? null : isoDay(s.when.day), days: (s.when.days ?? []).map(isoDay), killed: s.numbers.killed, injured: s.numbers.injured };
};

const STRIKES = 'قصفت المدفعية التركية مواقع عسكرية قرب مدينة سراقب بريف إدلب اليوم الاثنين.';
const SOLDIERS_LEDE = 'قتل 12 جنديا تركيا وأصيب 20 آخرون بقصف استهدف نقطة عسكرية تركية قرب سراقب بريف إدلب اليوم الأحد.';

describe('what the report answers or comes after, told after its first sentence', () => {
  it('its toll and its day are the answered incident\'s: not counted, not named', () => {
    expect(sig(`${STRIKES} وتأتي الضربات بعد مقتل 12 جندياً تركياً وإصابة 20 آخرين بقصف على نقطة عسكرية أمس الأحد.`)).toEqual({ day: '2025-03-10', days: [], killed: undefined, injured: undefined });
  });

  it('"يأتي ذلك رداً على", "على خلفية", "في أعقاب", with the words between as pages write them', () => {
    expect(sig(`${STRIKES} ويشار إلى أن هذا القصف يأتي رداً على هجوم أوقع 4 قتلى أمس.`).killed).toBeUndefined();
    expect(sig(`${STRIKES} تأتي هذه التطورات على خلفية اشتباكات قتل فيها 6 عناصر.`).killed).toBeUndefined();
    expect(sig(`${STRIKES} ويأتي ذلك في أعقاب غارة أسفرت عن مقتل 9 مدنيين أمس.`)).toEqual({ day: '2025-03-10', days: [], killed: undefined, injured: undefined });
  });

  it('the words before يأتي are the report\'s own: its day and toll stand', () => {
    expect(sig('أعلنت المحافظة وصول وفد حكومي إلى مدينة السويداء. ووصل الوفد ظهر اليوم بعد مقتل 3 أشخاص في المدينة، وتأتي الزيارة بعد اشتباكات قتل فيها 7 أشخاص أمس.', 'وفد حكومي يصل إلى السويداء')).toEqual({ day: '2025-03-10', days: [], killed: 3, injured: undefined });
  });

  it('left as before: in the lede\'s first sentence, without a word of what it comes after, and the report\'s own toll first', () => {
    expect(sig('قتل 5 مدنيين بقصف على سوق البلدة اليوم ويأتي القصف بعد غارة أوقعت 3 قتلى أمس.', 'قصف على سوق البلدة')).toEqual({ day: '2025-03-10', days: ['2025-03-09'], killed: 5, injured: undefined });
    expect(sig(`${STRIKES} ويأتي ذلك في إطار حملة قتل فيها 8 عناصر أمس.`)).toEqual({ day: '2025-03-10', days: ['2025-03-09'], killed: 8, injured: undefined });
  });

  it('the reply\'s report no longer agrees in toll with the report of the killing it answers', () => {
    const reply = eventDoc(TITLE, `${STRIKES} وتأتي الضربات بعد مقتل 12 جندياً تركياً وإصابة 20 آخرين بقصف على نقطة عسكرية أمس الأحد.`, PUB);
    const killing = eventDoc('مقتل 12 جنديا تركيا بقصف في ريف إدلب', SOLDIERS_LEDE, '2025-03-09');
    const f = pairFeatures(reply, killing).features;
    expect(f.numBoth).toBe(0);
    expect(f.numAgree).toBe(0);
    expect(f.dayNamed).toBe(0);
  });
});

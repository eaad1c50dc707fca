// A strike from the ground and one from the air, one report with dead or hurt and the other saying
// no one was hurt (events27): two incidents however much else they share (one town, one day) —
// held under "same event" (ceilings.ts groundAirDeadAgainstNone). And the reading it rests on: a
// report that says no one was hurt (no-casualties.ts, signature.ts `numbers.none`).
import { describe, expect, it } from 'vitest';
import { eventDoc, eventSignature, judge } from '../../../lib/events';
import { groundAirDeadAgainstNone } from '../../../lib/events/ceilings';

const sig = (title: string, text: string) => eventSignature(title, text, '2025-04-14');
const doc = (outlet: string, title: string, text: string) => eventDoc(title, text, '2025-04-14', outlet);

describe('a report that says no one was hurt', () => {
  // [title, text, read as saying no one was hurt]
  const cases: Array<[string, string, boolean]> = [
    ['غارات على أريحا', 'شنت طائرات حربية غارات على مدينة أريحا صباح اليوم دون ورود أنباء عن إصابات.', true],
    ['قصف على سرمين', 'قصفت قوات النظام بالمدفعية أطراف بلدة سرمين، ولم تسفر القذائف عن وقوع ضحايا.', true],
    ['غارة روسية على جسر الشغور', 'استهدفت غارة روسية محيط جسر الشغور من دون أن يسفر ذلك عن أي خسائر بشرية.', true],
    ['انفجار في إعزاز', 'انفجرت عبوة ناسفة في سوق مدينة إعزاز، ولم تُسجّل أي إصابات.', true],
    ['Warplanes strike Ariha', 'Warplanes struck the town of Ariha on Monday morning. No casualties were reported.', true],
    ['Shells hit Saraqib', 'Rocket shells hit Saraqib on Monday, without causing any injuries, activists said.', true],
    ['Strike on Jisr al-Shughur', 'An air strike hit the outskirts of Jisr al-Shughur; there were no immediate reports of casualties.', true],
    ['Blast in Azaz', 'A bomb went off in a market in Azaz. No one was hurt, a local council said.', true],
    // A toll read wins: the report has dead of its own.
    ['مقتل 3 بقصف على سرمين', 'قتل 3 مدنيين بقصف مدفعي على سرمين، دون وقوع إصابات أخرى.', false],
    ['Three killed in Saraqib', 'Shelling killed three people in Saraqib on Monday; no injuries were reported.', false],
    // A part of the people unhurt: others may have been hit.
    ['غارات على أريحا', 'شنت طائرات حربية غارات على أريحا دون وقوع إصابات في صفوف المدنيين.', false],
    ['Rebels repel attack', 'Rebels repelled an attack on the town; there were no casualties among the militants, a monitor said.', false],
    // No count given, or not known, or casualties told: not "no one was hurt".
    ['Clashes near Tal Abyad', 'Kurdish forces repelled an attack on Tal Abyad, a spokesman said, although he gave no casualty toll.', false],
    ['غارات على أريحا', 'شنت طائرات حربية غارات على أريحا، ولم يعرف عدد الضحايا بعد.', false],
    ['غارات على أريحا', 'شنت طائرات حربية غارات على أريحا أسفرت عن وقوع إصابات.', false],
  ];

  it('is read in Arabic and English, however it is worded', () => {
    for (const [title, text] of cases.filter((c) => c[2])) expect([title, sig(title, text).numbers]).toEqual([title, { none: true }]);
  });

  it('is not read where the report counts dead or hurt, where only a part of the people is unhurt, or where it only has no count', () => {
    for (const [title, text] of cases.filter((c) => !c[2])) expect([title, sig(title, text).numbers.none]).toEqual([title, undefined]);
  });
});

describe('a strike from the ground and one from the air, dead against none', () => {
  const ar = {
    ground: doc('enab-baladi', 'مقتل 3 مدنيين بقصف مدفعي على معرة النعمان', 'قتل 3 مدنيين وأصيب آخرون اليوم بقصف مدفعي لقوات النظام استهدف معرة النعمان في ريف إدلب الجنوبي، بحسب الدفاع المدني.'),
    air: doc('halab-today', 'غارات على معرة النعمان', 'شنت طائرات حربية غارات على معرة النعمان صباح اليوم دون ورود أنباء عن إصابات.'),
    airDead: doc('smart', 'مقتل مدنيين بغارات على معرة النعمان', 'قتل 3 مدنيين بغارات جوية لطائرات حربية على معرة النعمان صباح اليوم.'),
    airNoToll: doc('halab-today', 'غارات على معرة النعمان', 'شنت طائرات حربية غارات على معرة النعمان صباح اليوم.'),
    airNone: doc('step', 'غارة جوية على معرة النعمان', 'استهدفت غارة جوية معرة النعمان صباح اليوم، ولم تسفر عن وقوع إصابات.'),
  };
  const en = {
    ground: doc('sana', 'Artillery shelling kills five civilians in Ariha', 'Regime artillery shelling killed five civilians in the town of Ariha in Idlib on Monday, the civil defence said.'),
    air: doc('ahram', 'Warplanes strike Ariha', 'Warplanes carried out several air strikes on the town of Ariha in Idlib on Monday. No casualties were reported.'),
    airDead: doc('trt', 'Air strikes kill five in Ariha', 'Air strikes killed five civilians in the town of Ariha in Idlib on Monday, the civil defence said.'),
    groundNone: doc('manar', 'Rockets fall on Ariha', 'Rocket shells fell on the town of Ariha in Idlib on Monday without causing any casualties.'),
  };

  it('is the class in Arabic and English, either way round, and is held under "same event"', () => {
    for (const [a, b] of [[ar.ground, ar.air], [ar.air, ar.ground], [en.ground, en.air], [en.airDead, en.groundNone]] as const) {
      expect(groundAirDeadAgainstNone(a.sig, b.sig)).toBe(true);
      const j = judge(a, b);
      expect(j.probability).toBeLessThanOrEqual(0.75);
      expect(j.relation).not.toBe('same-event');
    }
  });

  it('is not the class where both strikes come one way, both count dead, or one only tells no toll', () => {
    // Both from the air: one outlet's toll and another's first word (no one hurt yet) of one raid.
    expect(groundAirDeadAgainstNone(ar.airDead.sig, ar.airNone.sig)).toBe(false);
    // Ground and air, dead in both: outlets name the weapon otherwise (a class of its own to weigh: typeConflict).
    expect(groundAirDeadAgainstNone(ar.ground.sig, ar.airDead.sig)).toBe(false);
    expect(groundAirDeadAgainstNone(en.ground.sig, en.airDead.sig)).toBe(false);
    // No toll told is not "no one was hurt": a first report before the count.
    expect(groundAirDeadAgainstNone(ar.ground.sig, ar.airNoToll.sig)).toBe(false);
  });
});

// Classes of pairs the same-event model tells apart by features of their own (lib/events/
// pair-features.ts, pair.ts): two governorates apart, a later report dated only by the day it was
// said, tolls far apart at one place; and the threshold chosen on the fitting pairs alone.
import { describe, expect, it } from 'vitest';
import { eventDoc, eventSignature, judge } from '../../../lib/events';
import { pairFeatures, probabilityOf } from '../../../lib/events/pair';

describe('two governorates apart, neither naming the other', () => {
  // One day's strikes in two provinces, told in the same formula: two strikes, however alike.
  const cases: Array<[string, string, string, string]> = [
    ['Strike kills 15 in Syria\'s Idlib, monitor says', 'An air strike killed 15 people on Saturday in Idlib province, the Observatory said.', 'Strike kills 15 near Syria\'s Raqqa, monitor says', 'An air strike killed 15 people on Saturday near Raqqa, the Observatory said.'],
    ['Shelling kills 6 in Daraa', 'Shelling killed six civilians on Monday in Daraa, activists said.', 'Shelling kills 6 in Homs', 'Shelling killed six civilians on Monday in Homs, activists said.'],
    ['مقتل 15 مدنياً بغارة جوية على إدلب', 'قتل 15 مدنياً اليوم بغارة جوية استهدفت مدينة إدلب، بحسب الدفاع المدني.', 'مقتل 15 مدنياً بغارة جوية على الرقة', 'قتل 15 مدنياً اليوم بغارة جوية استهدفت مدينة الرقة، بحسب الدفاع المدني.'],
    ['قصف مدفعي يقتل 4 في درعا', 'قتل 4 مدنيين اليوم بقصف مدفعي على درعا، وفق مصادر محلية.', 'قصف مدفعي يقتل 4 في حماة', 'قتل 4 مدنيين اليوم بقصف مدفعي على حماة، وفق مصادر محلية.'],
  ];
  it('are told apart (govApart) and never called same-event', () => {
    for (const [ta, xa, tb, xb] of cases) {
      const a = eventDoc(ta, xa, '2017-04-08', 'ahram');
      const b = eventDoc(tb, xb, '2017-04-08', 'jordantimes');
      const f = pairFeatures(a, b).features;
      expect([ta, f.govApart, f.placeApart]).toEqual([ta, 1, 0]);
      const j = judge(a, b);
      expect([ta, j.probability <= 0.5, j.relation]).toEqual([ta, true, expect.not.stringMatching(/same-event/)]);
    }
  });

  it('is not what a report naming both provinces, or one province twice, has', () => {
    const both = eventDoc('Strikes kill 15 in Idlib and Raqqa', 'Air strikes killed 15 people on Saturday in Idlib and near Raqqa, the Observatory said.', '2017-04-08', 'trt');
    const raqqa = eventDoc('Strike kills 15 near Syria\'s Raqqa, monitor says', 'An air strike killed 15 people on Saturday near Raqqa, the Observatory said.', '2017-04-08', 'jordantimes');
    expect(pairFeatures(both, raqqa).features.govApart).toBe(0);
    const idlib1 = eventDoc('مقتل 15 مدنياً بغارة على إدلب', 'قتل 15 مدنياً اليوم بغارة جوية على مدينة إدلب.', '2025-03-02', 'Syria TV');
    const idlib2 = eventDoc('غارة على إدلب توقع 15 قتيلاً', 'أوقعت غارة جوية على مدينة إدلب اليوم 15 قتيلاً من المدنيين.', '2025-03-02', 'Enab Baladi');
    expect(pairFeatures(idlib1, idlib2).features.govApart).toBe(0);
  });

  it('leaves a town in another governorate to placeApart', () => {
    const town = eventDoc('مقتل 3 بقصف على كفرنبل', 'قتل 3 مدنيين اليوم بقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي.', '2025-03-02', 'Syria TV');
    const city = eventDoc('مقتل 3 بقصف على درعا', 'قتل 3 مدنيين اليوم بقصف مدفعي على مدينة درعا.', '2025-03-02', 'Enab Baladi');
    expect(pairFeatures(town, city).features).toMatchObject({ placeApart: 1, govApart: 0 });
  });
});

describe('a later report dated only by the day its toll was said', () => {
  const attack = eventDoc('Suspected gas attack on rebel-held town kills dozens', 'A suspected chemical attack killed dozens of people on Tuesday in the rebel-held town, rescuers said.', '2017-04-04', 'alaraby');

  it('is not a second day told when the day said is its own publication day, after the event', () => {
    for (const [title, text, pub] of [
      ['86 dead in suspected chemical attack: new toll', 'The toll from the suspected chemical attack rose to 86 dead, including children, a monitor said on Wednesday.', '2017-04-05'],
      ['Toll in gas attack rises to 86', 'At least 86 people died in the gas attack on the town, the Observatory said Wednesday.', '2017-04-05'],
      ['Chemical attack toll reaches 100', 'The toll of the chemical attack reached 100, medics told reporters on Thursday.', '2017-04-06'],
    ] as const) {
      const later = eventDoc(title, text, pub, 'ahram');
      expect([title, later.sig.when.from]).toEqual([title, 'said']);
      expect([title, pairFeatures(attack, later).features]).toMatchObject([title, { daySaid: 1, dayOther: 0 }]);
      expect([title, pairFeatures(later, attack).features.daySaid]).toEqual([title, 1]);
    }
  });

  it('is a second day told when the day said is before the other report\'s day, or not its publication day', () => {
    // SANA: a toll "told SANA late on Tuesday", and Wednesday's rockets on the same district.
    const tuesday = eventDoc('Death toll from rocket attacks in Aleppo rises to 8', 'The death toll from the rocket attacks on Salah Eddin neighborhood rose to 8, a source told SANA late on Tuesday.', '2016-08-16', 'sana');
    const wednesday = eventDoc('Rocket attacks on Salah Eddin neighborhood kill 10', 'Ten civilians were killed in rocket attacks on Salah Eddin neighborhood on Wednesday.', '2016-08-17', 'sana');
    expect(pairFeatures(tuesday, wednesday).features).toMatchObject({ daySaid: 0, dayOther: 1 });
    // Said on Monday, published on Wednesday: the day said is not the report's own day.
    const monday = eventDoc('Raids kill 12 in the town', 'Air raids killed 12 people in the town, a monitor said on Monday.', '2017-04-05', 'trt');
    const sunday = eventDoc('Raids hit the town', 'Air raids struck the town on Sunday, killing 12, rescuers said.', '2017-04-05', 'ahram');
    expect(monday.sig.when.from).toBe('said');
    expect(pairFeatures(sunday, monday).features.daySaid).toBe(0);
  });
});

describe('tolls far apart at one place and day', () => {
  it('weigh as numApartHere where the place is shared, not where it is not', () => {
    const one = eventDoc('مقتل مدني بغارة على خان شيخون', 'قتل مدني واحد اليوم بغارة جوية على مدينة خان شيخون في ريف إدلب الجنوبي.', '2017-04-08', 'Enab Baladi');
    const many = eventDoc('مقتل 18 بغارات على خان شيخون', 'قتل 18 شخصاً اليوم بغارات جوية على مدينة خان شيخون في ريف إدلب الجنوبي.', '2017-04-08', 'Syria TV');
    const f = pairFeatures(one, many).features;
    expect(f.placeSame).toBe(1);
    expect(f.numApartHere).toBeGreaterThan(0.9);
    expect(f.numApartHere).toBe(f.numApart);
    const en1 = eventDoc('One dead in raid on Khan Shaykhun', 'One person was killed on Saturday in an air raid on Khan Shaykhun, a monitor said.', '2017-04-08', 'ahram');
    const en18 = eventDoc('Air strikes kill 18 in Khan Shaykhun', 'Air strikes killed 18 people on Saturday in Khan Shaykhun, rescuers said.', '2017-04-08', 'trt');
    expect(pairFeatures(en1, en18).features.numApartHere).toBeGreaterThan(0.9);
    // The same tolls of two places far apart: numApart, not numApartHere.
    const elsewhere = eventDoc('مقتل 18 بغارات على الميادين', 'قتل 18 شخصاً اليوم بغارات جوية على مدينة الميادين في ريف دير الزور الشرقي.', '2017-04-08', 'Syria TV');
    const g = pairFeatures(one, elsewhere).features;
    expect(g.numApart).toBeGreaterThan(0.9);
    expect(g.numApartHere).toBe(0);
  });

  it('are not a rising toll told as a new toll', () => {
    const first = eventDoc('مقتل 4 بقصف على سراقب', 'قتل 4 مدنيين اليوم بقصف صاروخي على مدينة سراقب في ريف إدلب.', '2025-03-02', 'Orient News');
    const update = eventDoc('ارتفاع حصيلة قصف سراقب إلى 40', 'ارتفع عدد ضحايا القصف الصاروخي على مدينة سراقب أمس إلى 40 قتيلاً.', '2025-03-03', 'Syria TV');
    expect(pairFeatures(first, update).features.numApartHere).toBe(0);
  });
});

describe('the rare words two reports share, weighed in their own language', () => {
  it('weighs a language\'s common words nothing and the words of one event much', async () => {
    const { rarity } = await import('../../../lib/events/lexical');
    for (const w of ['killed', 'syria', 'attack']) expect([w, rarity(w)]).toEqual([w, 0]);
    for (const w of ['sarin', 'evacuees', 'shaykhun']) expect([w, rarity(w) > 0.5]).toEqual([w, true]);
    // Arabic against Arabic's common words (many short headlines), not against English articles.
    expect(rarity('سوري')).toBe(0);
    expect(rarity('كيماوي')).toBeGreaterThan(rarity('دمشق'));
    // A word no report of the table holds is as rare as can be.
    expect(rarity('zzqxv')).toBe(1);
  });

  // Reports of one big event in other words, naming only its governorate: what they share is the
  // event's own words (gas, sarin, evacuees, a convoy), not "killed" and "Syria".
  const cases: Array<[string, [string, string], [string, string], [string, string]]> = [
    ['en', ['Sarin suspected in Idlib attack, dozens dead', 'Dozens of people died on Tuesday after a suspected sarin attack in Idlib province; doctors treating the victims described symptoms of a nerve agent.'],
      ['Nerve agent attack: death toll passes 70', 'Medics said the victims of the nerve agent attack in Idlib showed signs of sarin poisoning as the toll passed 70 on Tuesday.'],
      ['Air strikes kill 12 in Idlib province', 'Air strikes killed 12 people on Tuesday in Idlib province, a monitor said, in the latest raids on the province.']],
    ['ar', ['غاز السارين في هجوم على ريف إدلب', 'قضى عشرات المدنيين اليوم في هجوم بغاز السارين على بلدة في ريف إدلب، وظهرت على المصابين أعراض اختناق وتشنج.'],
      ['أعراض اختناق لدى ضحايا هجوم إدلب', 'قال أطباء إن أعراض الاختناق والتشنج لدى ضحايا هجوم إدلب اليوم تدل على غاز السارين.'],
      ['مقتل 12 مدنياً بغارات على إدلب', 'قتل 12 مدنياً اليوم بغارات جوية على إدلب، بحسب مصادر محلية.']],
  ];
  it('share more of them in two reports of one event than in two events of one province and day', () => {
    for (const [lang, a, b, other] of cases) {
      const da = eventDoc(a[0], a[1], '2017-04-04', 'x');
      const db = eventDoc(b[0], b[1], '2017-04-04', 'y');
      const dother = eventDoc(other[0], other[1], '2017-04-04', 'z');
      const same = pairFeatures(da, db).features;
      const apart = pairFeatures(da, dother).features;
      // English words and Arabic words are weighed apart (the table measures each language unequally).
      const [k, otherLang] = lang === 'en' ? (['rare', 'rareAr'] as const) : (['rareAr', 'rare'] as const);
      expect([lang, same[k] > 2 * apart[k], same[k] > 0.25, same[otherLang]]).toEqual([lang, true, true, 0]);
      expect(pairFeatures(db, da).features[k]).toBeCloseTo(same[k], 9);
      expect([lang, judge(da, db).probability > judge(da, dother).probability]).toEqual([lang, true]);
    }
  });
});

describe('who acted, read in English as in Arabic', () => {
  it('reads the gazetteer\'s actors in English reports and shares them like Arabic ones', () => {
    const en = eventDoc('Jaysh al-Islam rockets hit Damascus, 5 dead', 'Jaysh al-Islam fired rockets at central Damascus on Thursday, killing five people, state media said.', '2015-02-05', 'alalam');
    const en2 = eventDoc('Rebel rockets kill five in Damascus', 'Five people were killed in Damascus on Thursday when rockets fired by Jaysh al-Islam from Douma fell on the city.', '2015-02-05', 'manar');
    expect(en.sig.actors).toContain('jaysh-al-islam');
    expect(pairFeatures(en, en2).features.actorShared).toBe(1);
    const ar = eventDoc('صواريخ جيش الإسلام تقتل 5 في دمشق', 'قتل 5 أشخاص اليوم بصواريخ أطلقها جيش الإسلام على وسط دمشق.', '2015-02-05', 'SANA');
    expect(ar.sig.actors).toContain('jaysh-al-islam');
    // A wide actor (the regime, a coalition) is not evidence of one event, in either language.
    const wide = eventDoc('Regime strikes kill 12 in Damascus suburb', 'The Syrian regime struck the suburb on Thursday, killing 12, activists said.', '2015-02-05', 'ahram');
    const wide2 = eventDoc('Regime shelling kills 3 in Damascus', 'The Syrian regime shelled a district on Thursday, killing three, activists said.', '2015-02-05', 'trt');
    expect(wide.sig.actors).toContain('assad-regime');
    expect(pairFeatures(wide, wide2).features.actorShared).toBe(0);
  });
});

describe('the day a toll was said, in Arabic as in English', () => {
  const attack = eventDoc('مقتل العشرات بهجوم كيماوي على بلدة في إدلب', 'قتل العشرات يوم الثلاثاء بهجوم بغاز سام على البلدة، بحسب الدفاع المدني.', '2017-04-04', 'Orient News');
  it('is not a second day told when it is the report\'s own day, after the event', () => {
    for (const text of [
      'وقال المرصد السوري لحقوق الإنسان، يوم الأربعاء، إن حصيلة الهجوم ارتفعت إلى 86 قتيلاً.',
      'أفادت مديرية الصحة الأربعاء بارتفاع عدد ضحايا الهجوم الكيماوي إلى 86.',
    ]) {
      const later = eventDoc('ارتفاع حصيلة الهجوم الكيماوي إلى 86', text, '2017-04-05', 'Syria TV');
      expect([text, later.sig.when.from]).toEqual([text, 'said']);
      expect([text, pairFeatures(attack, later).features]).toMatchObject([text, { daySaid: 1, dayOther: 0 }]);
    }
  });
  it('is the event\'s day when what was said comes between ("ذكر … أن … يوم")', () => {
    const told = eventDoc('غارة على خان شيخون', 'وذكر المرصد أن غارة استهدفت البلدة يوم الثلاثاء وقتلت 5 مدنيين.', '2017-04-05', 'Syria TV');
    expect(told.sig.when.from).toBe('relative');
  });
});

describe('an event told after the other report was published', () => {
  // SANA's Tuesday toll of rockets on a district, and Wednesday's rockets on it (naming Tuesday's).
  const cases: Array<[string, [string, string, string], [string, string, string]]> = [
    ['en', ['Death toll from rocket attacks on Salah Eddin rises to 8', 'The death toll from the rocket attacks on Salah Eddin neighborhood rose to 8, a source told SANA late on Tuesday.', '2016-08-16'],
      ['Rockets on Salah Eddin kill 7', 'Seven civilians were killed on Wednesday as rockets hit Salah Eddin neighborhood, a day after eight were killed on Tuesday.', '2016-08-17']],
    ['ar', ['ارتفاع حصيلة القذائف على حي صلاح الدين إلى 8', 'ارتفع عدد ضحايا القذائف الصاروخية على حي صلاح الدين في حلب اليوم إلى 8 قتلى.', '2016-08-16'],
      ['مقتل 7 بقذائف على حي صلاح الدين', 'قتل 7 مدنيين يوم الأربعاء بقذائف صاروخية على حي صلاح الدين، بعد يوم من مقتل 8 يوم الثلاثاء.', '2016-08-17']],
  ];
  it('counts against one event (dayAfterPub), whatever background day it names', () => {
    for (const [lang, x, y] of cases) {
      const tue = eventDoc(x[0], x[1], x[2], 'sana');
      const wed = eventDoc(y[0], y[1], y[2], 'manar');
      const facts = pairFeatures(tue, wed);
      expect([lang, facts.features.dayAfterPub, pairFeatures(wed, tue).features.dayAfterPub]).toEqual([lang, 1, 1]);
      // A new toll of the other's day is not this one's (update off), and the fitted weight lowers the pair.
      expect([lang, facts.features.update]).toEqual([lang, 0]);
      const without = probabilityOf({ ...facts.features, dayAfterPub: 0 }, facts.gap);
      expect([lang, probabilityOf(facts.features, facts.gap) < without]).toEqual([lang, true]);
    }
  });
  it('is not a later report of the same day\'s event', () => {
    const first = eventDoc('Rockets on Salah Eddin kill 5', 'Rockets killed five civilians in Salah Eddin neighborhood on Tuesday, a source said.', '2016-08-16', 'sana');
    const later = eventDoc('Salah Eddin toll rises to 8', 'The toll of Tuesday\'s rocket attack on Salah Eddin rose to eight.', '2016-08-17', 'manar');
    expect(pairFeatures(first, later).features.dayAfterPub).toBe(0);
  });
});

describe('where a toll or a day is told in other words', () => {
  it('reads the dead told as martyrs, in English as in Arabic', () => {
    const cases: Array<[string, string, number]> = [
      ['Martyrs as terrorists shell Salah Eddin', 'Seven civilians were martyred on Wednesday as terrorists shelled Salah Eddin neighborhood in Aleppo city.', 7],
      ['12 martyred in strikes on Douma', 'At least 12 people were martyred in strikes on Douma on Monday, a medical source said.', 12],
      ['استشهاد 7 مدنيين بقذائف على حي صلاح الدين', 'سقط سبعة مدنيين بقذائف صاروخية على الحي اليوم.', 7],
      ['ارتقاء 12 شهيداً بغارات على دوما', 'شنت الطائرات غارات على مدينة دوما اليوم.', 12],
    ];
    for (const [title, text, n] of cases) expect([title, eventDoc(title, text, '2016-08-17').sig.numbers.killed]).toEqual([title, n]);
  });

  it('reads the day said "in a statement on Thursday" as the day said, not the event\'s', () => {
    const unicef = eventDoc('At least 27 children killed in Idlib attack', 'The attack in Idlib province claimed the lives of at least 27 children, UNICEF said in a statement on Thursday. On Tuesday opposition forces said some 80 people were killed in a chemical attack.', '2017-04-06', 'sputnik');
    expect(unicef.sig.when).toMatchObject({ from: 'relative', raw: 'tuesday', day: unicef.sig.published! - 2 });
    const reporters = eventDoc('Raid kills 5 in the town', 'An air raid killed five people in the town, the monitor told reporters on Tuesday.', '2016-08-17', 'ahram');
    expect(reporters.sig.when.from).toBe('said');
    // The Arabic has the same words between the verb and the day ("في بيان").
    const ar = eventDoc('مقتل 27 طفلاً في هجوم إدلب', 'قالت منظمة اليونيسف في بيان يوم الخميس إن 27 طفلاً على الأقل قتلوا في الهجوم على إدلب.', '2017-04-06', 'Syria TV');
    expect(ar.sig.when.from).toBe('said');
    // What was said, not where: "said the strike hit the town on Monday" dates the strike.
    const event = eventDoc('Strike hits the town', 'Rescuers said the strike hit the town on Monday, killing five.', '2016-08-17', 'trt');
    expect(event.sig.when.from).toBe('relative');
  });
});

describe('a toll told verb first, in Arabic', () => {
  // "استشهد 7 مدنيين", "قُتل ثلاثة أطفال", "أصيب 12 شخصاً": the verb, not a noun (مقتل), says what the
  // number counts; digits and number words alike.
  const cases: Array<[string, string, { killed?: number; injured?: number }]> = [
    ['استشهد 7 مدنيين بقصف على بلدة كفرنبل', '', { killed: 7 }],
    ['قُتل ثلاثة أطفال في غارة جوية على إدلب', '', { killed: 3 }],
    ['أصيب 12 شخصاً بجروح في انفجار بمدينة الباب', '', { injured: 12 }],
    ['قصف على بلدة معرة النعمان', 'قضى خمسة مدنيين اليوم وأصيب عشرون آخرون جراء قصف صاروخي على البلدة.', { killed: 5, injured: 20 }],
    ['انفجار لغم في ريف حلب', 'لقي أربعة أشخاص مصرعهم بانفجار لغم أرضي اليوم.', { killed: 4 }],
    ['استشهد طفلان بقصف مدفعي على جاسم', '', { killed: 2 }],
  ];
  it('reads the dead and the injured', () => {
    for (const [title, text, want] of cases) expect([title, eventSignature(title, text, '2025-06-02').numbers]).toEqual([title, want]);
  });

  it('reads no toll from a verb that counts no people ("قضى 5 سنوات في السجن")', () => {
    expect(eventSignature('قضى 5 سنوات في السجن', 'وأمضى خمسة أشهر في الإقامة الجبرية.', '2025-06-02').numbers).toEqual({});
  });

  it('lets a verb-first toll agree with a noun-first one, and conflict with one far apart the same day', () => {
    const verb = eventDoc('استشهد 7 مدنيين بقصف على كفرنبل', 'استشهد 7 مدنيين اليوم بقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي.', '2025-03-02', 'Syria TV');
    const noun = eventDoc('مقتل 7 مدنيين بقصف على كفرنبل', 'قتل 7 مدنيين اليوم بقصف مدفعي على بلدة كفرنبل.', '2025-03-02', 'Enab Baladi');
    const far = eventDoc('مقتل 40 مدنياً بقصف على كفرنبل', 'قتل 40 مدنياً اليوم بقصف مدفعي على بلدة كفرنبل.', '2025-03-02', 'Orient News');
    expect(pairFeatures(verb, noun).features).toMatchObject({ numBoth: 1, numAgree: 1 });
    expect(pairFeatures(verb, far).features).toMatchObject({ numBoth: 1, numConflict: 1 });
  });
});

describe('a toll rising across reports of one event', () => {
  // [first count, a new toll of the same event the same day, another count of that day far apart told as no update]
  const cases: Array<[string, [string, string], [string, string], [string, string], string]> = [
    ['ar', ['مقتل 5 مدنيين بغارة على كفرنبل', 'قتل 5 مدنيين اليوم بغارة جوية على بلدة كفرنبل.'],
      ['ارتفاع حصيلة ضحايا الغارة على كفرنبل إلى 20 قتيلاً', 'ارتفع عدد ضحايا الغارة الجوية على بلدة كفرنبل اليوم إلى 20 قتيلاً.'],
      ['مقتل 40 مدنياً بغارات على كفرنبل', 'قتل 40 مدنياً اليوم بغارات جوية على بلدة كفرنبل.'], '2025-03-02'],
    ['en', ['Air strike kills 5 in Kafranbel', 'An air strike killed five civilians on Monday in Kafranbel.'],
      ['Death toll from Kafranbel air strike rises to 20', 'The death toll from the air strike on Kafranbel on Monday rose to 20, a monitor said.'],
      ['Air strikes kill 40 in Kafranbel', 'Air strikes killed 40 civilians on Monday in Kafranbel.'], '2017-04-03'],
  ];
  it('is a toll risen, not a conflict, when the higher count is a new toll of the same day', () => {
    for (const [lang, first, update, , day] of cases) {
      const a = eventDoc(first[0], first[1], day, 'x');
      const b = eventDoc(update[0], update[1], day, 'y');
      for (const f of [pairFeatures(a, b).features, pairFeatures(b, a).features]) expect([lang, f]).toMatchObject([lang, { numRise: 1, numConflict: 0, numApart: 0 }]);
    }
  });

  it('is still a conflict when counts of one day are far apart and neither is a new toll, or the new toll is the lower', () => {
    for (const [lang, first, update, other, day] of cases) {
      const a = eventDoc(first[0], first[1], day, 'x');
      const c = eventDoc(other[0], other[1], day, 'z');
      expect([lang, pairFeatures(a, c).features]).toMatchObject([lang, { numRise: 0, numConflict: 1 }]);
      expect(pairFeatures(a, c).features.numApart).toBeGreaterThan(0.5);
      // The other's 40 against a "new toll" of 20: a toll does not fall.
      expect([lang, pairFeatures(c, eventDoc(update[0], update[1], day, 'y')).features]).toMatchObject([lang, { numRise: 0, numConflict: 1 }]);
    }
  });
});

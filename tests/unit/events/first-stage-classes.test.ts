// Classes of the first stage's confident errors (bench/EVENTS.md, events15), each read right in
// the signature or told by a feature of its own: a caption closed by its own full stop before its
// credit dates the photo, not the event; another event named as the time of this one ("hours
// after a gas attack") is not what the report is about; two reports whose fighting sides differ
// (the army against IS, the Kurds against IS) tell two battles. And what must stay: one specific
// place and one day, nothing else shared, is not enough for "same event".
import { describe, expect, it } from 'vitest';
import { eventDoc, eventSignature, isoDay, judge } from '../../../lib/events';
import { firstStage, pairFeatures } from '../../../lib/events/pair';
import { ceilingOf, secondMayLower } from '../../../lib/events/ceilings';
import { sidesOf } from '../../../lib/events/sides';

const day = (title: string, text: string, pub: string) => isoDay(eventSignature(title, text, pub).when.day!);

describe('a caption closed by its own full stop, then its credit', () => {
  // [title, text, published, the event's day]
  const cases: Array<[string, string, string, string]> = [
    // TRT's strikes on Kafr Takharim of Tuesday 25 April 2017, published with a photo of the 27th.
    ['Air strikes hit hospital and kill 26 people in Idlib', '27 Apr 2017 A view shows the damage at a hospital after an air strike in Deir al-Sharqi village in Idlib province Syria April 27 2017. (TRT World and Agencies) Syrian regime or Russian air strikes in and around a town in opposition-held Idlib province on Tuesday killed 26 people and severely damaged a hospital a monitoring group said.', '2017-04-27', '2017-04-25'],
    ['Shelling kills four in Jisr al-Shughur', 'Smoke rises over the town after shelling on May 12. (File photo) Shelling killed four people on Sunday in Jisr al-Shughur, activists said.', '2017-05-16', '2017-05-14'],
    ['قتلى بقصف على كفرنبل', 'آثار الدمار في مستشفى بريف إدلب في 3 حزيران 2025. (صورة أرشيفية) وقتل خمسة مدنيين يوم الثلاثاء بقصف مدفعي على بلدة كفرنبل.', '2025-06-18', '2025-06-17'],
    ['اشتباكات في ريف درعا', 'سيارة إسعاف أمام المشفى الوطني في درعا يوم الجمعة. (تصوير: عنب بلدي) اندلعت اشتباكات أمس في ريف درعا الغربي.', '2025-06-17', '2025-06-16'],
  ];
  // A parenthesis that is no photo's credit closes no caption: the report's own sentence before it stands.
  const kept: Array<[string, string, string, string]> = [
    ['Strikes kill 20', 'Air strikes killed 20 people in Idlib on Monday. (SOHR) More were wounded.', '2017-04-19', '2017-04-17'],
    ['غارات على إدلب', 'قتل 20 مدنياً بغارات على إدلب يوم الإثنين. (المرصد السوري) وأصيب آخرون.', '2025-06-18', '2025-06-16'],
  ];

  it("is the photo's day, not the event's (English and Arabic)", () => {
    for (const [title, text, pub, want] of cases) expect([title, day(title, text, pub)]).toEqual([title, want]);
  });

  it("leaves the report's own sentence before a parenthesis that is no photo's credit", () => {
    for (const [title, text, pub, want] of kept) expect([title, day(title, text, pub)]).toEqual([title, want]);
  });

  it('so two hospital strikes told on their own days are two incidents', () => {
    const trt = eventDoc('Air strikes hit hospital and kill 26 people in Idlib', '27 Apr 2017 A view shows the damage at a hospital after an air strike in Deir al-Sharqi village in Idlib province Syria April 27 2017. (TRT World and Agencies) Syrian regime or Russian air strikes in and around a town in opposition-held Idlib province on Tuesday killed 26 people and severely damaged a hospital a monitoring group said. A spokesman at the hospital in Kafr Takharim in Idlib said an air strike hit its courtyard killing 14 people including patients.', '2017-04-27', 'trt');
    const ahram = eventDoc('10 dead after strikes on rebel-held hospitals in Syria', 'Air strikes on two hospitals in rebel-held northwestern Syria on Thursday left 10 people dead including two babies in incubators a monitor said. They were among 19 people killed as a result of strikes across rebel-held Idlib province on Thursday the Syrian Observatory for Human Rights said.', '2017-04-27', 'ahram');
    expect(pairFeatures(trt, ahram).features.dayOther).toBe(1);
    expect(judge(trt, ahram).probability).toBeLessThanOrEqual(0.5);
  });
});

describe('another event named as the time of this one ("hours after a gas attack")', () => {
  const what = (title: string, text: string) => eventSignature(title, text, '2017-04-04').what;
  it('is not what the report is about, nor its weapon (English and Arabic)', () => {
    const ghouta = what('Shelling of rebel bastion near Syrian capital kills 19', 'At least 19 people were killed near the Syrian capital on Tuesday including six children just hours after a suspected chemical gas attack left dozens dead in Khan Sheikhun.');
    expect([ghouta.all.includes('chemical'), (ghouta.weapons ?? []).includes('chemical')]).toEqual([false, false]);
    const azaz = what('Car bomb kills 8 in Azaz', 'A car bomb killed eight people in Azaz on Monday, a day after air strikes hit a hospital in Idlib.');
    expect([azaz.all.includes('hospital'), azaz.weapons]).toEqual([false, ['device']]);
    const douma = what('Regime shelling kills five in Douma', 'Regime shelling killed five civilians in Douma on Sunday, days after rebels fired rockets on Damascus.');
    expect((douma.weapons ?? []).includes('missile')).toBe(false);
    const ar = what('مقتل 19 مدنياً بقصف على دوما', 'قتل 19 مدنياً بقصف جوي على مدينة دوما اليوم، بعد ساعات من هجوم كيماوي على خان شيخون.');
    expect([ar.all.includes('chemical'), (ar.weapons ?? []).includes('chemical')]).toEqual([false, false]);
    const ar2 = what('قتلى بقصف على جاسم', 'قتل ثلاثة مدنيين بقصف مدفعي على بلدة جاسم، بعد يوم من غارة استهدفت مشفى في المدينة.');
    expect(ar2.all.includes('hospital')).toBe(false);
    const ar3 = what('قتلى بقصف على اريحا', 'قتل أربعة مدنيين بقصف على مدينة أريحا عقب ساعات من انفجار سيارة مفخخة في إدلب.');
    expect((ar3.weapons ?? []).includes('device')).toBe(false);
  });

  it('leaves a plain "after" that tells what the event was ("dead after a gas attack")', () => {
    expect(what('Dozens dead after suspected chemical attack', 'Dozens of people were killed after a suspected chemical attack on the town on Tuesday.').all).toContain('chemical');
    expect(what('10 dead after strikes on rebel-held hospitals', 'Air strikes on two hospitals left 10 people dead on Thursday.').all).toContain('hospital');
    expect(what('اختناق العشرات بعد هجوم كيماوي', 'أصيب العشرات بحالات اختناق بعد هجوم كيماوي على البلدة اليوم.').all).toContain('chemical');
  });

  it('so the shelling of Ghouta and the gas attack on Khan Shaykhun of one day do not share what happened', () => {
    const gas = eventDoc('58 Killed in Suspected Gas Attack in Syria\'s Idlib', 'Dozens of people have been killed in Syria\'s northern Idlib province on Tuesday in a suspected chemical attack that has been described as among the worst in the country\'s six-year war.', '2017-04-04', 'asharqalawsat');
    const ghouta = eventDoc('Shelling of rebel bastion near Syrian capital kills 19', 'At least 19 people were killed near the Syrian capital on Tuesday including six children just hours after a suspected chemical gas attack left dozens dead in the Khan Sheikhun.', '2017-04-04', 'alaraby');
    expect(pairFeatures(gas, ghouta).features.whatSame).toBe(0);
  });
});

describe('who fought', () => {
  const sides = (title: string, text: string, pub = '2014-12-26') => sidesOf(eventSignature(title, text, pub).actors);
  const apart = (a: [string, string], b: [string, string], pub = '2014-12-26') => pairFeatures(eventDoc(a[0], a[1], pub, 'x'), eventDoc(b[0], b[1], pub, 'y')).features.sidesApart;

  it('reads the fighting sides of the actors named, a side for its allies that fight with it', () => {
    expect(sides('Syrian Army Kills 70 IS Militants', 'The Syrian Army has killed some 70 Islamic State fighters in two days near Qamishli.')).toEqual(['is', 'state']);
    expect(sides('مقتل 30 من داعش', 'قتل 30 من عناصر تنظيم الدولة في اشتباكات مع وحدات حماية الشعب الكردية قرب القامشلي.')).toEqual(['is', 'kurds']);
    expect(sides('غارات روسية على إدلب', 'شن الطيران الروسي غارات على إدلب.')).toEqual(['state']);
    // A ministry, a person, the UN: not a side that fights.
    expect(sides('الأمم المتحدة تدعو إلى التهدئة', 'دعت الأمم المتحدة ووزارة الخارجية السورية إلى التهدئة.', '2025-06-02')).toEqual([]);
  });

  it('tells two battles with one enemy apart: each names a side the other never names (English and Arabic)', () => {
    expect(apart(['30 ISIL Militants Killed in Clashes with Kurds in NE Syria', 'At least 30 militants of ISIL were killed in clashes with Kurdish troops of the YPG in northeastern Syria on Thursday.'], ['Syrian Army Kills 70 IS Militants in Two Days', 'The Syrian Army has killed some 70 Islamic State fighters in two days near Qamishli.'])).toBe(1);
    expect(apart(['Strike kills 15 near Daesh-held Raqqa', 'At least 15 civilians were killed in a suspected US-led coalition air strike on Saturday near Raqqa.'], ['Kurdish-led forces kill 12 Daesh militants near Tabqa', '12 Daesh militants were killed by the Kurdish-led Syrian Democratic Forces near Tabqa on Saturday.'], '2017-04-09')).toBe(1);
    expect(apart(['قوات النظام تقتل 20 من داعش قرب القامشلي', 'قتلت قوات النظام 20 من عناصر تنظيم الدولة قرب القامشلي.'], ['مقتل 30 من داعش في اشتباكات مع الوحدات الكردية', 'قتل 30 من عناصر تنظيم الدولة في اشتباكات مع وحدات حماية الشعب قرب القامشلي.'])).toBe(1);
    expect(apart(['التحالف الدولي يقصف مواقع لداعش في الرقة', 'قصفت طائرات التحالف الدولي مواقع لتنظيم داعش في الرقة.'], ['قسد تسيطر على قرية قرب الطبقة', 'سيطرت قوات سوريا الديمقراطية على قرية قرب الطبقة بعد معارك مع داعش.'])).toBe(1);
  });

  it('is not two reports of one side, one naming more of it, or one naming none', () => {
    expect(apart(['Regime and Russian jets strike Idlib', 'Regime and Russian jets struck Idlib on Monday.'], ['Russian strikes kill 20 in Idlib', 'Russian strikes killed 20 in Idlib on Monday.'])).toBe(0);
    expect(apart(['Syrian army kills 70 IS militants', 'The Syrian army killed 70 Islamic State fighters near Qamishli.'], ['Army kills 70 ISIL fighters near Qamishli', 'Assad forces killed 70 ISIL militants near Qamishli.'])).toBe(0);
    expect(apart(['Strikes kill 20 in Idlib', 'Air strikes killed 20 in Idlib on Monday.'], ['Russian strikes kill 20 in Idlib', 'Russian strikes killed 20 in Idlib on Monday.'])).toBe(0);
    expect(apart(['غارات روسية على إدلب', 'شن الطيران الروسي غارات على إدلب اليوم.'], ['قوات النظام تقصف إدلب', 'قصفت قوات النظام مدينة إدلب اليوم.'])).toBe(0);
  });
});

describe('one specific place and one day, nothing else shared', () => {
  it('is not same-event: two reports of Damascus airport of one day about other things', () => {
    const pairs: Array<[[string, string], [string, string]]> = [
      [['مطار دمشق الدولي يستقبل أولى رحلات الحجاج العائدين', 'استقبل مطار دمشق الدولي اليوم أولى رحلات الحجاج العائدين من الديار المقدسة.'], ['نفي إغلاق مطار دمشق الدولي', 'نفت الهيئة العامة للطيران المدني اليوم الأنباء عن إغلاق مطار دمشق الدولي، مؤكدة أن الرحلات مستمرة.']],
      [['نقل رحلات السورية للطيران من مطار دمشق إلى حلب', 'أعلنت السورية للطيران اليوم نقل رحلاتها من مطار دمشق الدولي إلى مطار حلب مؤقتاً.'], ['وصول أول طائرة للحجاج إلى مطار دمشق الدولي', 'وصلت اليوم إلى مطار دمشق الدولي أول طائرة تقل حجاج بيت الله الحرام.']],
      [['Damascus airport receives first flight from Riyadh', 'Damascus International Airport received on Monday the first direct flight from Riyadh in years.'], ['Fire breaks out near Damascus airport', 'A fire broke out on Monday in farmland near Damascus International Airport, the civil defence said.']],
    ];
    for (const [[ta, xa], [tb, xb]] of pairs) {
      const j = judge(eventDoc(ta, xa, '2025-06-10', 'SANA'), eventDoc(tb, xb, '2025-06-10', 'Enab Baladi'));
      expect([ta, j.probability < 0.8]).toEqual([ta, true]);
    }
  });
});

describe('one specific place and one day, what happened apart (events19)', () => {
  const judged = (a: [string, string], b: [string, string]) => judge(eventDoc(a[0], a[1], '2025-06-10', 'SANA'), eventDoc(b[0], b[1], '2025-06-10', 'Enab Baladi')).probability;

  it('is judged under 0.8 where only the place and the day are shared (English and Arabic)', () => {
    const pairs: Array<[[string, string], [string, string]]> = [
      [['Damascus airport receives first flight from Riyadh', 'Damascus International Airport received on Monday the first direct flight from Riyadh in years.'], ['Fire breaks out near Damascus airport', 'A fire broke out on Monday in farmland near Damascus International Airport, the civil defence said.']],
      [['Aleppo airport resumes flights to Doha', 'Aleppo International Airport resumed on Monday its flights to Doha after a pause of months.'], ['Fire breaks out near Aleppo airport', 'A fire broke out on Monday in fields near Aleppo International Airport, the civil defence said.']],
      [['مطار حلب الدولي يستأنف رحلاته إلى الدوحة', 'استأنف مطار حلب الدولي اليوم رحلاته إلى الدوحة بعد توقف دام أشهراً.'], ['اندلاع حريق قرب مطار حلب الدولي', 'اندلع حريق اليوم في أراض زراعية قرب مطار حلب الدولي، بحسب الدفاع المدني.']],
      [['مطار دمشق الدولي يستقبل أولى رحلات الرياض', 'استقبل مطار دمشق الدولي اليوم أول رحلة مباشرة قادمة من الرياض منذ سنوات.'], ['اندلاع حريق قرب مطار دمشق الدولي', 'اندلع حريق اليوم في أراض زراعية قرب مطار دمشق الدولي، بحسب الدفاع المدني.']],
    ];
    for (const [a, b] of pairs) {
      // Held under 0.8 by the pair's own ceiling, whatever the second stage's calibration gives the
      // first stage's 0.82-0.84 (main's pulled one to 0.797; events18's guard kept it at 0.84).
      const da = eventDoc(a[0], a[1], '2025-06-10', 'SANA');
      const db = eventDoc(b[0], b[1], '2025-06-10', 'Enab Baladi');
      const facts = pairFeatures(da, db);
      expect([a[0], ceilingOf(da.sig, db.sig, facts.features, facts.gap, firstStage(da, db)) < 0.8]).toEqual([a[0], true]);
      expect([a[0], judged(a, b) < 0.8]).toEqual([a[0], true]);
    }
  });

  it('is a class the second stage may lower however confident the first stage (events20: the guard keeps none of it)', () => {
    const docs = (a: [string, string], b: [string, string]) => pairFeatures(eventDoc(a[0], a[1], '2025-06-10', 'SANA'), eventDoc(b[0], b[1], '2025-06-10', 'Enab Baladi')).features;
    const classOf: Array<[[string, string], [string, string], boolean]> = [
      [['Aleppo airport resumes flights to Doha', 'Aleppo International Airport resumed on Monday its flights to Doha after a pause of months.'], ['Fire breaks out near Aleppo airport', 'A fire broke out on Monday in fields near Aleppo International Airport, the civil defence said.'], true],
      [['مطار دمشق الدولي يستقبل أولى رحلات الرياض', 'استقبل مطار دمشق الدولي اليوم أول رحلة مباشرة قادمة من الرياض منذ سنوات.'], ['اندلاع حريق قرب مطار دمشق الدولي', 'اندلع حريق اليوم في أراض زراعية قرب مطار دمشق الدولي، بحسب الدفاع المدني.'], true],
      // One fire told twice shares what happened: the guard may keep it.
      [['Fire breaks out near Damascus airport', 'A fire broke out on Monday in farmland near Damascus International Airport, the civil defence said.'], ['Civil defence puts out fire near Damascus airport', 'Civil defence teams put out on Monday a fire that broke out in farmland near Damascus International Airport.'], false],
      [['اندلاع حريق قرب مطار دمشق الدولي', 'اندلع حريق اليوم في أراض زراعية قرب مطار دمشق الدولي، بحسب الدفاع المدني.'], ['الدفاع المدني يخمد حريقاً قرب مطار دمشق', 'أخمدت فرق الدفاع المدني اليوم حريقاً اندلع في أراض زراعية قرب مطار دمشق الدولي.'], false],
      // Shelling and air strikes of one town and day: two kinds told, the pair's own evidence of two incidents.
      [['مقتل 4 مدنيين بقصف مدفعي على كفرنبل', 'قتل 4 مدنيين وأصيب آخرون اليوم بقصف مدفعي لقوات النظام استهدف كفرنبل في ريف إدلب الجنوبي.'], ['غارات على كفرنبل', 'شنت طائرات حربية غارات على كفرنبل صباح اليوم دون ورود أنباء عن إصابات.'], true],
    ];
    for (const [a, b, lower] of classOf) expect([a[0], b[0], secondMayLower(docs(a, b))]).toEqual([a[0], b[0], lower]);
  });

  it('still judges one fire at one place told twice 0.8 or more (what happened, or its rare words, shared)', () => {
    const fireEn: [string, string] = ['Fire breaks out near Damascus airport', 'A fire broke out on Monday in farmland near Damascus International Airport, the civil defence said.'];
    const fireAr: [string, string] = ['اندلاع حريق قرب مطار دمشق الدولي', 'اندلع حريق اليوم في أراض زراعية قرب مطار دمشق الدولي، بحسب الدفاع المدني.'];
    expect(judged(fireEn, ['Civil defence puts out fire near Damascus airport', 'Civil defence teams put out on Monday a fire that broke out in farmland near Damascus International Airport.'])).toBeGreaterThanOrEqual(0.8);
    expect(judged(fireAr, ['الدفاع المدني يخمد حريقاً قرب مطار دمشق', 'أخمدت فرق الدفاع المدني اليوم حريقاً اندلع في أراض زراعية قرب مطار دمشق الدولي.'])).toBeGreaterThanOrEqual(0.8);
  });
});

describe('a new toll of other places', () => {
  const update = (a: [string, string], b: [string, string], pub: string) => pairFeatures(eventDoc(a[0], a[1], pub, 'SANA'), eventDoc(b[0], b[1], pub, 'SANA')).features;

  it('is not an update of a report of other specific places (English and Arabic)', () => {
    const pairs: Array<[[string, string], [string, string], string]> = [
      // SANA's Aleppo: the toll of the shells on one district, the report of another district's.
      [['Death toll from terrorist shelling on Aleppo rises to 8', 'The death toll from the shells fired by terrorists on Salah Eddin neighbourhood in Aleppo city rose to eight, a source said on Tuesday.'], ['Civilian killed, 3 injured in terrorist shelling on Aleppo', 'A civilian was killed and three others were injured on Tuesday when terrorists fired shells on Sheikh Maqsoud neighbourhood in Aleppo city, a source said.'], '2016-08-16'],
      [['Death toll from air strike in Aleppo countryside rises to 8', 'The death toll from the air strike on the village of Tokhar in Aleppo countryside rose to eight on Tuesday.'], ['Air strike kills 3 in Aleppo countryside', 'An air strike killed three people on Tuesday in the village of Um Adasa in Aleppo countryside.'], '2016-08-16'],
      [['ارتفاع حصيلة ضحايا الغارة الجوية على ريف حلب إلى 8', 'ارتفعت حصيلة ضحايا الغارة الجوية على قرية تل شعير في ريف حلب اليوم إلى ثمانية قتلى.'], ['مقتل 3 بغارة جوية على ريف حلب', 'قتل ثلاثة مدنيين اليوم بغارة جوية على قرية أم عدسة في ريف حلب.'], '2025-06-16'],
    ];
    for (const [a, b, pub] of pairs) expect([a[0], update(a, b, pub)]).toMatchObject([a[0], { placeOther: 1, update: 0, sameOutletUpdate: 0 }]);
  });

  it('is one of a report of its own place, or of none more specific', () => {
    expect(update(['Death toll from air strike on Tokhar rises to 8', 'The death toll from the air strike on the village of Tokhar in Aleppo countryside rose to eight on Tuesday.'], ['Air strike kills 3 in Tokhar', 'An air strike killed three people on Tuesday in the village of Tokhar in Aleppo countryside.'], '2016-08-16').update).toBe(1);
    expect(update(['ارتفاع حصيلة ضحايا الغارة الجوية على ريف حلب إلى 8', 'ارتفعت حصيلة ضحايا الغارة الجوية على ريف حلب اليوم إلى ثمانية قتلى.'], ['مقتل 3 بغارة جوية على ريف حلب', 'قتل ثلاثة مدنيين اليوم بغارة جوية على قرية أم عدسة في ريف حلب.'], '2025-06-16').update).toBe(1);
  });
});

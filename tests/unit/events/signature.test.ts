// The event signature: what happened, where, on which day (not the day of publication), numbers.
import { describe, expect, it } from 'vitest';
import { eventSignature, isoDay } from '../../../lib/events';

const day = (title: string, text: string, pub: string | null) => {
  const d = eventSignature(title, text, pub).when.day;
  return d === null ? null : isoDay(d);
};

describe('when the event happened', () => {
  it('reads relative days against the publication day (2025-06-13 is a Friday)', () => {
    expect(day('قصف على بلدة', 'قصفت قوات النظام أمس بلدة كفرنبل', '2025-06-13')).toBe('2025-06-12');
    expect(day('قصف على بلدة', 'قصفت قوات النظام فجر اليوم بلدة كفرنبل', '2025-06-13')).toBe('2025-06-13');
    expect(day('غارة', 'شنت طائرات حربية مساء الأربعاء غارة على أطراف البلدة', '2025-06-13')).toBe('2025-06-11');
    expect(day('اشتباكات', 'اندلعت اشتباكات يوم الجمعة في المدينة', '2025-06-16')).toBe('2025-06-13');
    expect(day('انفجار', 'وقع انفجار أول أمس في السوق', '2025-06-13')).toBe('2025-06-11');
  });

  it('reads a date the lede gives, but not one far before publication (history) or after it', () => {
    expect(day('اعتقال', 'اعتقلت دورية في 10 حزيران شابين من البلدة', '2025-06-13')).toBe('2025-06-10');
    expect(day('مرسوم', 'يعدل المرسوم القانون الصادر في 18 نيسان 2025 بشأن الوظائف', '2025-06-01')).toBe('2025-06-01');
    expect(day('Strike', 'Warplanes struck the town yesterday, killing 9', '2017-04-09')).toBe('2017-04-08');
    expect(day('Strike', 'Warplanes struck the town on Monday', '2017-04-09')).toBe('2017-04-03');
  });

  it('passes over a dateline, and keeps the other days the lede names', () => {
    // "10-07-2016 …": the report's date, not the event's ("on Thursday").
    expect(day('Syrian Forces Foil Raid on Castello', '10-07-2016 Syrian army units foiled on Thursday an attack', '2016-07-10')).toBe('2016-07-07');
    expect(day('Strike', 'AFP Wednesday 15 Jul 2015 Thirteen civilians were killed Wednesday', '2015-07-15')).toBe('2015-07-15');
    // A caption of Saturday's convoy first; the blast of the day after.
    const s = eventSignature('Deadly bomb blast hits Aleppo', 'A boy injured on a bus convoy on Saturday sits in a tent. A bomb killed six people on Wednesday in Aleppo', '2017-04-19');
    expect(isoDay(s.when.day!)).toBe('2017-04-15');
    expect(s.when.days?.map(isoDay)).toEqual(['2017-04-19']);
  });

  it('does not read a day to come, or a weekday that names a date, as a day gone by (2025-06-02 is a Monday)', () => {
    // An announcement of the Eid closures: its Friday is the coming one, the announcement's day stands.
    expect(day('هيئة المنافذ توضح حركة المعابر', 'وأوضحت الهيئة أن فترة العطلة تبدأ من يوم الجمعة 6 حزيران وتستمر حتى يوم الإثنين 9 حزيران', '2025-06-02')).toBe('2025-06-02');
    expect(day('تعميم المعابر', 'ستتوقف حركة عبور المسافرين اعتباراً من يوم الجمعة وحتى يوم الإثنين', '2025-06-02')).toBe('2025-06-02');
    expect(day('اجتماع', 'سيعقد الاجتماع يوم الخميس المقبل في دمشق', '2025-06-02')).toBe('2025-06-02');
    expect(day('امتحانات', 'ستبدأ الامتحانات يوم السبت في جميع المراكز', '2025-06-02')).toBe('2025-06-02');
    expect(day('Talks', 'Talks resume next Monday in Geneva', '2017-04-10')).toBe('2017-04-10');
    expect(day('Talks', 'The talks will resume on Friday in Geneva', '2017-04-10')).toBe('2017-04-10');
    // Words that only look like the future's س (سيارة a car, سيطرت took control): a day gone by.
    expect(day('انفجار', 'انفجار سيارة مفخخة يوم الجمعة في المدينة', '2025-06-02')).toBe('2025-05-30');
    expect(day('سيطرة', 'سيطرت القوات يوم الجمعة على القرية', '2025-06-02')).toBe('2025-05-30');
    expect(day('Strike', 'Two were killed on Friday in a strike on the town', '2017-04-10')).toBe('2017-04-07');
  });

  it("does not take a photo caption's date for the event's day", () => {
    // The caption of an archive photo (a hospital struck three days before), then the event: Monday's.
    expect(day('Regime drops vacuum bomb on Idlib', '9 Aug 2016 Men look for survivors after an airstrike on a hospital in Idlib province Syria August 6 2016. (Reuters) The district was hit by a vacuum bomb attack on Monday leaving five dead', '2016-08-09')).toBe('2016-08-08');
    expect(day('Raids on Syria market kill 21', 'In this photo taken on June 8 provided by the Civil Defence, workers help a woman (AP photo) BEIRUT Air strikes on a market killed at least 21 civilians Sunday', '2016-06-13')).toBe('2016-06-12');
    // A date in the report's own words stands: the UN's toll of the April 15 bombing, five days on.
    expect(day('Over 130 killed in April 15 attack near Aleppo', 'The UN said over 130 people were killed in the attack on the buses.', '2017-04-20')).toBe('2017-04-15');
  });

  it("does not take the days of a caption its credit closes (\"(File photo)\", \"(صورة أرشيفية)\") for the event's", () => {
    // TRT's Aleppo blast of Wednesday 19 April 2017: the caption is of Saturday's convoy attack.
    const trt = 'The blast happened four days after an attack on a convoy. A boy who was injured during a bomb blast on a bus convoy outside Aleppo on Saturday sits inside a tent near the border Syria April 18 2017 (File photo) (TRT World and Agencies) A bomb killed six people in Aleppo on Wednesday, state television reported.';
    expect(day('Deadly bomb blast hits Aleppo', trt, '2017-04-19')).toBe('2017-04-19');
    expect(day('Strikes kill 12', 'Rescuers search the rubble of a building hit on Friday in Douma (AFP Photo) Regime strikes killed 12 people in Douma on Sunday.', '2017-11-20')).toBe('2017-11-19');
    expect(day('قتلى بقصف على كفرنبل', 'طفل أمام منزل دمره قصف يوم الجمعة الماضي (صورة أرشيفية). وقُتل خمسة مدنيين يوم الثلاثاء بقصف مدفعي على بلدة كفرنبل.', '2025-06-18')).toBe('2025-06-17');
    expect(day('اشتباكات في درعا', 'عناصر من الأمن العام في درعا أمس (تصوير: عنب بلدي). اندلعت اشتباكات يوم الأحد في ريف درعا الغربي.', '2025-06-17')).toBe('2025-06-15');
    // A credit that is no photo's, or an agency's dateline, closes no caption: the day stands.
    expect(day('Strikes kill 20', 'BEIRUT (Reuters) - Air strikes killed 20 people in Idlib on Monday, a monitor said.', '2017-04-19')).toBe('2017-04-17');
    expect(day('Strikes kill 20', 'Air strikes killed 20 people in Idlib on Monday (SOHR) and more were wounded.', '2017-04-19')).toBe('2017-04-17');
    expect(day('غارات على إدلب', 'قتل 20 مدنياً بغارات على إدلب يوم الإثنين (المرصد السوري) وأصيب آخرون.', '2025-06-18')).toBe('2025-06-16');
  });

  it('reads an Arabic date before a comma ("يوم الأحد 23 تموز، …")', () => {
    expect(day('قصف على جاسم', 'أفادت مصادر محلية بوقوع قصف مدفعي قرب جاسم يوم الأحد 23 تموز، ما أسفر عن قتلى', '2023-07-25')).toBe('2023-07-23');
  });

  it('marks a day that is only the day something was said ("a monitor said on Wednesday")', () => {
    const s = eventSignature('86 dead in suspected chemical attack', 'The death toll from a suspected chemical attack has risen to 86, a monitoring group said on Wednesday.', '2017-04-05');
    expect([isoDay(s.when.day!), s.when.from]).toEqual(['2017-04-05', 'said']);
  });

  it('falls back on the publication day, and says so', () => {
    const s = eventSignature('افتتاح مدرسة', 'افتتحت مديرية التربية مدرسة جديدة', '2025-06-02');
    expect(s.when).toEqual({ day: s.published, from: 'publication' });
    expect(eventSignature('افتتاح مدرسة', 'نص', null).when.from).toBe('unknown');
  });
});

describe('where it happened', () => {
  it('takes the most specific place, with the places it lies in', () => {
    const s = eventSignature('غارة جوية على معرة النعمان في ريف إدلب', 'استهدفت غارة جوية مدينة معرة النعمان جنوب إدلب', '2025-06-02');
    expect(s.place?.id).toBe('maarat-al-numan');
    expect(s.place?.generic).toBe(false);
    expect(s.place?.chain).toContain('idlib-gov');
  });

  it('calls capitals, governorates and the country generic', () => {
    for (const [title, id] of [['أسعار الخضار في أسواق دمشق', 'damascus'], ['ارتفاع الحرارة في سوريا', 'syria'], ['أمطار غزيرة في محافظة حلب', 'aleppo-gov']] as const) {
      const s = eventSignature(title, '', '2025-06-02');
      expect(s.place?.id).toBe(id);
      expect(s.place?.generic).toBe(true);
      expect(s.places).toEqual([]);
    }
  });

  it('prefers the place of the title over one the lede mentions in passing', () => {
    const s = eventSignature('حملة أمنية في مدينة جاسم', 'بدأت قوى الأمن حملة في جاسم، على غرار حملة سابقة في بلدة الكرك الشرقي', '2025-05-28');
    expect(s.place?.id).toBe('jasim');
  });

  it('finds places in English text', () => {
    expect(eventSignature('Air strike kills 9 in Maarat al-Numan', 'Warplanes hit the town of Maarat al-Numan in Idlib province', '2017-04-09').place?.id).toBe('maarat-al-numan');
  });

  it('does not take a dateline in capitals, or the capital for the government, for a place of the event', () => {
    const places = (title: string, text: string) => { const s = eventSignature(title, text, '2017-04-05'); return [s.place?.id ?? null, ...s.places]; };
    expect(places('86 dead in suspected chemical attack', 'The toll in the rebel-held town rose to 86. Moscow defended its Damascus ally, and Damascus denied using chemical weapons.')).toEqual([null]);
    expect(places('Raids on market kill 21', 'Last updated at Jun 13 BEIRUT Air strikes on a market in the city of Idlib killed 21 civilians')[0]).toBe('idlib');
    // The capital struck is the capital.
    expect(places('Shelling kills 5 in Damascus', 'Rebel shells hit a district of Damascus on Monday, killing five.')[0]).toBe('damascus');
  });
});

describe('what happened, who, and the numbers', () => {
  it('types the event from its words, in Arabic and in English', () => {
    const cases: Array<[string, string, string]> = [
      ['غارات جوية روسية على ريف إدلب', 'شنت الطائرات الحربية الروسية غارات', 'airstrike'],
      ['قصف مدفعي يستهدف بلدة', 'استهدف قصف مدفعي البلدة بعشرات القذائف', 'shelling'],
      ['انفجار سيارة مفخخة في السوق', 'انفجرت سيارة مفخخة', 'bombing'],
      ['القبض على رئيس فرع سابق', 'ألقت قوى الأمن القبض على المتهم', 'arrest'],
      ['توقيع اتفاقية تعاون صحي', 'وقع الوزيران اتفاقية لتشغيل مستشفيين', 'agreement'],
      ['سعر صرف الليرة السورية اليوم', 'سجل سعر صرف الدولار', 'economic'],
      ['Car bomb kills 17 near Turkish border', 'A car bomb exploded', 'bombing'],
      ['افتتاح معرض للكتاب', 'افتتح المعرض أبوابه', 'other'],
    ];
    for (const [title, text, type] of cases) expect([title, eventSignature(title, text, '2025-06-02').type]).toEqual([title, type]);
  });

  it('reads killed and injured counts, and the actors', () => {
    const s = eventSignature('مقتل 5 مدنيين بقصف لقوات النظام', 'قتل 5 مدنيين وأصيب 12 آخرون بقصف مدفعي لقوات النظام على البلدة', '2025-06-02');
    expect(s.numbers.killed).toBe(5);
    expect(s.actors.length).toBeGreaterThan(0);
    expect(eventSignature('Strike kills 18 in Idlib', 'The strike killed 18 people and wounded 30', '2017-04-09').numbers).toMatchObject({ killed: 18 });
  });

  it('reads English counts in words and in "kills N", takes the title\'s over the lede\'s, and never a year', () => {
    expect(eventSignature('Barrel bombs kill 11 in IS town', 'Government helicopters struck the town', '2015-07-16').numbers.killed).toBe(11);
    expect(eventSignature('Aleppo blast', 'A bomb killed six people and wounded more than 30', '2017-04-19').numbers).toMatchObject({ killed: 6, injured: 30 });
    expect(eventSignature('Death toll in blast rises to 70', 'The toll rose', '2017-04-15').numbers.killed).toBe(70);
    // The lede recalls Tuesday's 87 dead; the title's one dead is this report's event.
    expect(eventSignature('One dead in raid on Syria chemical attack town', 'The town where a chemical attack killed 87 on Tuesday was hit again', '2017-04-08').numbers.killed).toBe(1);
    expect(eventSignature('Airstrikes on schools', 'October 26 2016 killed in 2016 strikes', '2016-10-26').numbers.killed).toBeUndefined();
  });

  it('does not take a part of the dead for the toll ("27 children killed", "kills 22 children")', () => {
    const killed = (title: string, text = '') => eventSignature(title, text, '2017-04-06').numbers.killed;
    expect(killed('At Least 27 Children Killed in Idlib Attack', 'The attack killed 86 people, including 27 children, a monitor said.')).toBe(86);
    expect(killed('UNICEF says 22 schoolchildren and six teachers killed in raid', 'Air strikes killed 35 people at a school complex.')).toBe(35);
    expect(killed('Strikes kill 12 children in Idlib')).toBeUndefined();
    // A toll with its children among it is the toll.
    expect(killed('Strike kills 15 including 4 children in Idlib')).toBe(15);
    expect(killed('Air strikes kill 22 mostly children outside school')).toBe(22);
  });

  it('does not take the dateline\'s city for the event\'s place', () => {
    expect(eventSignature('Chemical massacre defies the world', 'Beirut- At least 58 people were killed on Tuesday in Khan Shaykhun', '2017-04-05').place?.id).toBe('khan-shaykhun');
    expect(eventSignature('غارة على بلدة', 'دمشق-سانا قتل 3 مدنيين أمس في غارة على بلدة كفرنبل', '2025-06-13').place?.id).toBe('kafranbel');
  });

  it('names what the event was about, finer than its type, in Arabic and in English', () => {
    const what = (title: string, text = '') => eventSignature(title, text, '2025-06-02').what;
    const cases: Array<[string, string, string[]]> = [
      ['الطيران المدني ينفي إغلاق مطار دمشق', '', ['closure', 'denial']],
      ['وصول أول طائرة لحجاج بيت الله الحرام إلى مطار دمشق', '', ['pilgrims', 'flights']],
      ['انفجار يستهدف حافلات المهجرين قرب حلب', '', ['convoy']],
      ['Death toll in bomb attack on Syria evacuees hits 43', '', ['convoy']],
      ['Syria attack symptoms consistent with nerve agent use', '', ['chemical']],
      ['غارة تستهدف مستشفى في ريف إدلب', '', ['hospital']],
      ['أزمة الخبز تتفاقم في دير الزور', '', ['bread']],
      ['مراسيم رئاسية بتغيير اسم جامعة البعث', '', ['university', 'decree']],
      ['افتتاح معرض للكتاب', '', []],
    ];
    for (const [title, text, keys] of cases) expect([title, what(title, text).title]).toEqual([title, keys]);
    // The first sentence adds what the title does not say; the background after it does not.
    expect(what('اعتقال رئيس فرع سابق', 'ألقت قوى الأمن القبض عليه عند حاجز للأمن العام. وكان قد أشرف على سجن في المدينة').all).toEqual(['checkpoint']);
  });

  it('names the weapon, in classes one attack is told by (a missile or a rocket; a car bomb or a suicide bomber)', () => {
    const weapons = (title: string, text = '') => eventSignature(title, text, '2015-07-22').what.weapons ?? [];
    expect(weapons('Missile kills 18 civilians in Aleppo')).toEqual(['missile']);
    expect(weapons('18 Civilians Killed in Barrel Bomb Attack on Rural Aleppo')).toEqual(['barrel']);
    expect(weapons('Suicide bomber kills 4 in Qardaha')).toEqual(['device']);
    expect(weapons('مقتل 5 بانفجار سيارة مفخخة في أعزاز')).toEqual(['device']);
    expect(weapons('قتلى بالبراميل المتفجرة على داريا')).toEqual(['barrel']);
    expect(weapons('Air strikes kill 20 in Idlib', 'Warplanes struck the town, killing 20.')).toEqual([]);
    // The first sentence names it when the title does not; the background after it does not.
    expect(weapons('Assad regime kills 18 in Aleppo', 'A ground-to-ground missile struck the district. Barrel bombs fell on other towns last week.')).toEqual(['missile']);
  });

  it('knows a new toll of an event already told', () => {
    for (const t of ['ارتفاع حصيلة ضحايا التفجير إلى 126', 'Death toll from Aleppo bomb attack at least 112', 'Death toll in blast rises to 70']) expect([t, eventSignature(t, '', '2017-04-16').what.update]).toEqual([t, true]);
    for (const t of ['مقتل 5 مدنيين بقصف على البلدة', 'Bomb kills 43 in Aleppo']) expect([t, eventSignature(t, '', '2017-04-16').what.update]).toEqual([t, false]);
  });

  it('knows an outlet\'s recurring reports', () => {
    for (const t of ['تقرير شام الاقتصادي | 28 أيار 2026', 'سعر صرف الليرة السورية أمام الدولار اليوم', 'الليرة السورية تتراجع أمام الدولار في أسواق دمشق وحلب', 'حالة الطقس: أجواء حارة', 'أبرز أحداث اليوم في سوريا', 'Syria: daily round-up', 'ارتفاع طفيف في درجات الحرارة فوق المعدلات السنوية']) {
      expect([t, eventSignature(t, '', '2025-06-02').recurring]).toEqual([t, true]);
    }
    for (const t of ['غارة جوية على معرة النعمان', 'القبض على رئيس فرع أمن الدولة سابقاً']) expect(eventSignature(t, '', '2025-06-02').recurring).toBe(false);
  });

  it('knows each kind of recurring report, in the title or the lede\'s first sentence', () => {
    const kinds = ['أسعار صرف العملات في دمشق', 'أسعار الذهب في حلب', 'النشرة الجوية ليوم الأحد', 'أحوال الطقس في الساحل', 'انخفاض في درجات الحرارة', 'درجات الحرارة دون معدلاتها', 'مواقيت الصلاة في دمشق', 'ملخص الأخبار السورية', 'الليرة التركية مقابل الدولار في إدلب', 'Exchange rates in Damascus', 'Weather forecast for Aleppo', 'Prayer times in Homs', 'News roundup'];
    for (const t of kinds) {
      expect([t, eventSignature(t, '', '2025-06-02').recurring]).toEqual([t, true]);
      expect([t, eventSignature('تقرير', `${t}. وتفاصيل أخرى`, '2025-06-02').recurring]).toEqual([t, true]);
    }
    expect(eventSignature('صرف رواتب المتقاعدين', 'سعرت الحكومة الخبز', '2025-06-02').recurring).toBe(false);
  });
});

// Where an event happened: the places the gazetteer knows (towns filled in from OpenSyria's
// subdistricts), a town against the countryside it lies in, places in governorates apart, and the
// page's furniture above the lede (a photo caption names the archive photo's place and day).
import { describe, expect, it } from 'vitest';
import { matchEntities } from '../../../lib/entities';
import { eventDoc, eventSignature, isoDay, judge } from '../../../lib/events';
import { ledeOf } from '../../../lib/events/signature';
import { liesWithin } from '../../../lib/events/where';

const places = (text: string) => matchEntities(text).filter((m) => m.type === 'place').map((m) => m.id);

describe('towns the gazetteer had not known', () => {
  it('finds the seats of subdistricts in Idlib, Aleppo, Latakia and Rif Dimashq', () => {
    expect(places('غارات جوية على مدينة سرمين شرقي إدلب')).toContain('sarmin');
    expect(places('قصف مدفعي يستهدف دركوش بريف جسر الشغور')).toContain('darkosh');
    expect(places('انفجار سيارة مفخخة في جنديرس')).toContain('jandairis');
    expect(places('حريق في أحراج كنسبا')).toContain('kansaba');
    expect(places('افتتاح مستوصف في دير عطية')).toContain('deir-attiyeh');
  });

  it('does not read a common word as a town unless the text is about its governorate', () => {
    expect(places('أكد الوزير خلال الزيارة أن الخطوط الحمراء واضحة وأن صور الأقمار الصناعية تثبت ذلك')).toEqual([]);
    expect(places('اشتباكات في بلدة الزيارة بريف حماة')).toContain('ziyara');
    expect(places('قصف على الحمراء في ريف حماة الشرقي')).toContain('hamra');
  });

  it('reads a direction before a capital as its countryside ("شرقي دير الزور")', () => {
    expect(places('أزمة الخبز تتفاقم شرقي دير الزور')).toEqual(['deir-ez-zor-countryside-east']);
    expect(places('غارات على مواقع جنوبي إدلب')).toEqual(['idlib-countryside-south']);
    expect(places('اشتباكات شمال شرقي حلب')).toEqual(['aleppo-countryside-ne']);
  });
});

describe('a town and the countryside it lies in', () => {
  it('tells by the coordinates which countryside of a capital a town lies in', () => {
    expect(liesWithin('kafranbel', 'idlib-countryside-south')).toBe(true);
    expect(liesWithin('kafranbel', 'idlib-countryside-north')).toBe(false);
    expect(liesWithin('quriyah', 'deir-ez-zor-countryside-east')).toBe(true);
    expect(liesWithin('quriyah', 'aleppo-countryside-east')).toBe(false);
    expect(liesWithin('douma', 'damascus-countryside-east')).toBe(true);
    expect(liesWithin('kafranbel', 'idlib')).toBe(false);
  });

  it('agrees on the place of a strike told by its town and by its countryside', () => {
    const town = eventDoc('مقتل 4 مدنيين بقصف مدفعي على كفرنبل', 'قتل 4 مدنيين اليوم بقصف مدفعي لقوات النظام على بلدة كفرنبل، بحسب الدفاع المدني.', '2025-03-02', 'Enab Baladi');
    const region = eventDoc('مقتل 4 مدنيين بقصف مدفعي على ريف إدلب الجنوبي', 'قتل 4 مدنيين اليوم بقصف مدفعي لقوات النظام على ريف إدلب الجنوبي، بحسب الدفاع المدني.', '2025-03-02', 'Syria TV');
    const north = eventDoc('مقتل 4 مدنيين بقصف مدفعي على ريف إدلب الشمالي', 'قتل 4 مدنيين اليوم بقصف مدفعي لقوات النظام على ريف إدلب الشمالي، بحسب الدفاع المدني.', '2025-03-02', 'Syria TV');
    expect(judge(town, region).agreed.map((a) => a.kind)).toContain('place');
    expect(judge(town, north).agreed.map((a) => a.kind)).not.toContain('place');
  });
});

describe('places in governorates apart', () => {
  // Real 2025 (tests/fixtures/real-2025.jsonl): Grad rockets seized near Talkalakh (Homs) and
  // antiquities handed over in Aleppo, one day, both "prepared for smuggling". The same kind of
  // pair at other places, built here.
  const pairs: Array<[[string, string], [string, string]]> = [
    [['ضبط شحنة أسلحة في اللاذقية معدة للتهريب', 'ضبطت مديرية الأمن الداخلي في جبلة بريف اللاذقية شحنة أسلحة معدة للتهريب، وألقت القبض على السائق.'], ['ضبط شحنة مخدرات في درعا معدة للتهريب', 'ضبطت مديرية الأمن الداخلي في بصرى الشام بريف درعا شحنة مخدرات معدة للتهريب إلى الأردن، وألقت القبض على السائق.']],
    [['القبض على قاتل في سلمية', 'ألقت مديرية الأمن الداخلي في سلمية القبض على متهم بجريمة قتل وقعت في المدينة، وأحالته إلى القضاء.'], ['القبض على قاتل في القامشلي', 'ألقت قوى الأمن في القامشلي القبض على متهم بجريمة قتل وقعت في المدينة، وأحالته إلى القضاء.']],
    // A town and another governorate's capital: Talkalakh (Homs) and Aleppo, as in the real pair.
    [['ضبط شحنة صواريخ في تلكلخ معدة للتهريب', 'ضبطت مديرية الأمن الداخلي في تلكلخ شحنة صواريخ معدة للتهريب إلى لبنان، وألقت القبض على السائق.'], ['ضبط شحنة آثار في حلب معدة للتهريب', 'ضبطت مديرية الأمن الداخلي في حلب شحنة قطع أثرية معدة للتهريب خارج البلاد، وألقت القبض على السائق.']],
  ];
  it('are two incidents, however alike their words: the place among what differed', () => {
    for (const [[ta, xa], [tb, xb]] of pairs) {
      const j = judge(eventDoc(ta, xa, '2025-06-19', 'Al-Ikhbariya'), eventDoc(tb, xb, '2025-06-19', 'Shaam Network'));
      expect([ta, j.relation]).toEqual([ta, expect.not.stringMatching(/same-event/)]);
      expect(j.probability).toBeLessThanOrEqual(0.5);
      expect(j.differed.map((d) => d.kind)).toContain('place');
    }
  });

  it('but a report naming both governorates is not apart from one naming either', () => {
    const a = eventDoc('اتفاقية سورية تركية لتشغيل مستشفيين في حلب ودمشق', 'وقعت وزارة الصحة اتفاقية مع الجانب التركي لتشغيل مستشفيين تخصصيين في حلب ودمشق.', '2025-06-19', 'Shaam Network');
    const b = eventDoc('بروتوكول صحي سوري تركي لتشغيل مستشفى في حلب', 'وقعت سوريا وتركيا بروتوكول تعاون صحي لتشغيل مستشفى في حلب وآخر في العاصمة.', '2025-06-19', 'Syria TV');
    expect(judge(a, b).differed.map((d) => d.kind)).not.toContain('place');
  });
});

describe('what happened: a seizure is not a strike', () => {
  it('types rockets seized as an arrest, rockets fired as shelling', () => {
    expect(eventSignature('ضبط شحنة صواريخ غراد في حمص', 'ضبطت دورية شحنة صواريخ معدة للتهريب.', '2025-06-19').type).toBe('arrest');
    expect(eventSignature('مصادرة صواريخ وذخائر في مستودع', 'صادرت قوى الأمن صواريخ في مستودع للنظام البائد.', '2025-06-19').type).toBe('arrest');
    expect(eventSignature('قصف صاروخي على مدينة إدلب', 'استهدف قصف صاروخي أحياء المدينة.', '2025-06-19').type).toBe('shelling');
    expect(eventSignature('سقوط صواريخ على أطراف درعا', 'سقطت صواريخ على أطراف المدينة دون إصابات.', '2025-06-19').type).toBe('shelling');
  });
});

describe('the lede starts after the page\'s furniture', () => {
  it('passes over a photo caption with its date and credit, a reading time, a byline', () => {
    expect(ledeOf('بناء مدمر في حي جوبر بدمشق - 5 شباط 2025 (عنب بلدي/ أنس الخولي)\nأعلن المدير العام للصندوق أمس أنه يتأهب للعودة.')).toBe('أعلن المدير العام للصندوق أمس أنه يتأهب للعودة.');
    expect(ledeOf('"فلاي دبي" تحط أولى طائراتها في مطار دمشق الدولي - 1 من حزيران 2025\nأعلنت الشركة تعليق رحلاتها.')).toBe('أعلنت الشركة تعليق رحلاتها.');
    expect(ledeOf('وقت القراءة المتوقع:3دقائق\nحنان دعدوش\nعقد وفد اجتماعاً في دمشق.')).toBe('عقد وفد اجتماعاً في دمشق.');
    expect(ledeOf('آخر تحديث:16:21(بيروت)\nقصفت طائرات حربية البلدة.')).toBe('قصفت طائرات حربية البلدة.');
  });

  it('keeps a first line that is the report', () => {
    const one = 'قتل 3 مدنيين في قصف على سرمين.\nوأفاد الدفاع المدني بإصابة آخرين.';
    expect(ledeOf(one)).toBe(one);
    expect(ledeOf('قصف على سرمين')).toBe('قصف على سرمين');
  });

  it('so the caption\'s place and day are not the event\'s', () => {
    const lede = 'أعلن المدير العام لصندوق أوبك للتنمية أن الصندوق يتأهب للعودة إلى سوريا، في تصريحات أدلى بها أمس على هامش منتدى الصندوق.';
    const bare = eventSignature('صندوق أوبك يتأهب لدعم سوريا', lede, '2025-06-18');
    for (const caption of ['بناء مدمر في حي جوبر بدمشق - 5 شباط 2025 (عنب بلدي/ أنس الخولي)', 'سوق في مدينة سرمين بريف إدلب - 2 حزيران 2025 (عنب بلدي)']) {
      const s = eventSignature('صندوق أوبك يتأهب لدعم سوريا', `${caption}\n${lede}`, '2025-06-18');
      expect([caption, s.place]).toEqual([caption, bare.place]);
      expect(isoDay(s.when.day!)).toBe('2025-06-17');
      expect(s.when.days).toEqual(bare.when.days);
    }
  });
});

describe('FA-KES: when an article was published', () => {
  // The data set's date column is not the publication day for a quarter of its articles; the
  // article's own dateline is (scripts/fit-events.ts reads it for the labelled pairs).
  it('reads the dateline each outlet writes, else the column', async () => {
    const { fakesPublished } = await import('../../../scripts/fit-events');
    expect(fakesPublished('Syrian army kills 62 rebels east of Damascus Monitoring group Syrias state news agency did not give a death toll Reuters Wednesday 7 Aug 2013 sixty-two rebel fighters were killed', '8/15/2013')).toBe('2013-08-07');
    expect(fakesPublished('Published June 8 2016 Syrian government air strikes on opposition-held neighborhoods', '6/13/2016')).toBe('2016-06-08');
    expect(fakesPublished('Last updated at Jun 132016 In this photo taken on June 8', '6/12/2016')).toBe('2016-06-13');
    expect(fakesPublished('03-07-2015 Five Civilians Killed in Terrorist Rocket Attacks in Aleppo', '7/2/2015')).toBe('2015-07-03');
    expect(fakesPublished('21.08.2013Get short URL 0 0 0 Syrian regime forces fired', '8/17/2013')).toBe('2013-08-21');
    expect(fakesPublished('Tue Oct 7 2014 Hundreds killed as Street Battles Rages in Kobni', '10/7/2014')).toBe('2014-10-07');
    expect(fakesPublished('One woman was killed in an air strike Saturday on the Syrian town of Khan Sheikhun', '4/8/2017')).toBe('2017-04-08');
    // No real date: the 31st of a 30-day month, a year outside the war's.
    expect(fakesPublished('Published June 31 2016 strikes', '6/5/2016')).toBe('2016-06-05');
    expect(fakesPublished('In 1982 the city of Hama', '2/2/2015')).toBe('2015-02-02');
  });
});

describe('an English spelling of a city the gazetteer gave otherwise', () => {
  it('reads "Hasakeh", "Hassakeh", "Hassakah" bare as al-Hasakah, as "Hasakah" was', () => {
    const place = (title: string, lede = '') => eventSignature(title, lede, '2016-10-03').place?.id;
    expect(place('Clashes in Hasakeh kill 12')).toBe('hasakah');
    expect(place('Car bomb kills five', 'A car bomb exploded in Hassakeh on Monday, killing five people.')).toBe('hasakah');
    expect(place('Kurds push IS out of Hassakah neighbourhoods')).toBe('hasakah');
    // The governorate's other towns stay theirs.
    expect(place('Suicide bomber kills 22 at wedding', 'A suicide bomber struck a wedding in Qamishli, Hasakeh province.')).toBe('qamishli');
  });
});


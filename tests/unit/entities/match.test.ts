import { describe, expect, it } from 'vitest';
import { matchEntities } from '../../../lib/entities';

const ids = (t: string, date?: string) => matchEntities(t, { date }).map((m) => m.id);
const spans = (t: string) => matchEntities(t).map((m) => t.slice(m.start, m.end));

describe('matchEntities', () => {
  it('finds names behind clitics, with offsets into the original text', () => {
    const t = 'قصف بريف حلب الشرقي وقوات النظام تتقدم لداعش وللنظام';
    expect(ids(t)).toEqual(['aleppo-countryside-east', 'regime-forces', 'islamic-state', 'assad-regime']);
    expect(spans(t)).toEqual(['ريف حلب الشرقي', 'قوات النظام', 'داعش', 'لنظام']);
  });

  it('matches diacritised, tatweel and letter-variant spellings', () => {
    expect(ids('مدينة السْفِيرة')).toEqual(['safira']);
    expect(ids('مطـــار كويرس')).toEqual(['kweires-airbase']);
    expect(ids('مطار كويرس العسكرى')).toEqual(['kweires-airbase']);
    expect(ids('ادلب')).toEqual(['idlib']);
  });

  it('matches Latin transliterations in any case, short Latin names only in their case', () => {
    expect(ids('the Kweires airbase and KUWEIRES and Kuwayris')).toEqual(['kweires-airbase', 'kweires-airbase', 'kweires-airbase']);
    expect(ids('fighting in Deir ez-Zor')).toEqual(['deir-ez-zor']);
    expect(ids('the SDF said')).toEqual(['sdf']);
    expect(ids('it is up to us')).toEqual([]);
  });

  it('reads both digit sets in names', () => {
    const a = matchEntities('حول اللواء 137');
    const b = matchEntities('حول اللواء ١٣٧');
    expect(a.map((m) => m.id)).toEqual(['brigade-137']);
    expect(b.map((m) => [m.id, m.start, m.end])).toEqual(a.map((m) => [m.id, m.start, m.end]));
  });

  it('keeps the longest name and does not cross a comma or a line break', () => {
    expect(ids('مطار دمشق الدولي')).toEqual(['damascus-airport']);
    expect(ids('قناة "الميادين" التابعة لإيران')).toEqual(['al-mayadeen', 'iran']);
    expect(ids('ريف حلب، الشرقي')).toEqual(['aleppo-countryside']);
    expect(ids('دير\nالزور')).toEqual([]);
  });

  it('takes a closing quote into a name whose opening quote it holds', () => {
    const t = 'ونقلت مؤسسة "فرات بوست" خبراً';
    expect(spans(t)).toEqual(['مؤسسة "فرات بوست"']);
  });

  it('does not read weak names as names inside other phrases', () => {
    expect(ids('النظام الضريبي الجديد')).toEqual([]);
    expect(ids('هاجم النظام بلدة مارع')).toEqual(['assad-regime', 'marea']);
    expect(ids('النشرة الإخبارية')).toEqual([]);
    expect(ids('وقال وزير النقل للإخبارية')).toEqual(['ikhbariya']);
  });

  it('picks among places of the same name by the region the text is about', () => {
    const azaz = matchEntities('منطقة المالكية غربي مدينة أعزاز بريف حلب');
    expect(azaz[0]).toMatchObject({ id: 'malikiyah-azaz', alternatives: ['malikiyah'] });
    const hasakah = matchEntities('في المالكية شمال شرق الحسكة قرب القامشلي');
    expect(hasakah[0]!.id).toBe('malikiyah');
  });

  it('takes the larger of places of one name where the text names neither region', () => {
    // المالكية: the city of al-Hasakah (Derik), not the village near Azaz listed before it.
    for (const text of ['قصف على المالكية اليوم', 'حريق ضخم في محيط المالكية صباح اليوم', 'وقفة احتجاجية في المالكية']) {
      expect([text, matchEntities(text)[0]]).toMatchObject([text, { id: 'malikiyah', alternatives: ['malikiyah-azaz'] }]);
    }
    // The village wherever the text is about its region, however it names it.
    expect(matchEntities('اشتباكات في المالكية بريف حلب الشمالي')[0]!.id).toBe('malikiyah-azaz');
    expect(matchEntities('قصف على المالكية قرب مارع')[0]!.id).toBe('malikiyah-azaz');
  });

  it('reads a generic name only in a text about its place', () => {
    expect(ids('قوات الأسد في المدينة الصناعية')).toEqual(['regime-forces']);
    expect(ids('حلب: قوات الأسد في المدينة الصناعية')).toEqual(['aleppo', 'regime-forces', 'sheikh-najjar']);
    expect(ids('حصار المطار العسكري في دير الزور')).toEqual(['deir-airbase', 'deir-ez-zor']);
    expect(ids('سقط مطار كويرس العسكري. وكان المطار محاصراً')).toEqual(['kweires-airbase', 'kweires-airbase']);
  });

  it('reads "the Syrian army" as the regime before 8 December 2024 and the new army after', () => {
    expect(ids('تقدم الجيش السوري', '2016-06-01')).toEqual(['regime-forces']);
    expect(ids('تقدم الجيش السوري', '2025-05-01')).toEqual(['syrian-army-new']);
    expect(ids('تقدم الجيش السوري')).toEqual(['regime-forces']);
  });

  it('survives hostile input in bounded time', () => {
    expect(matchEntities('')).toEqual([]);
    expect(matchEntities('no arabic here at all, only English words')).toEqual([]);
    expect(matchEntities('\u0000\u0001\uD800 حلب \uDFFF\u202Eدمشق')).toMatchObject([{ id: 'aleppo' }, { id: 'damascus' }]);
    const big = 'سيطرت قوات الأسد على مطار كويرس العسكري بريف حلب الشرقي. '.repeat(90_000);
    expect(big.length).toBeGreaterThan(5_000_000);
    // Completes (the test timeout bounds it); no timing assert.
    expect(matchEntities(big).length).toBe(270_000);
  });

  it('reads the cities listed after "محافظات" as their governorates', () => {
    const ids = (t: string) => matchEntities(t).map((m) => m.id);
    expect(ids('في محافظات دير الزور، الرقة، والحسكة.')).toEqual(['deir-ez-zor-gov', 'raqqa-gov', 'hasakah-gov']);
    // The city the name read is the governorate's alternative; a name of one reading has none.
    expect(matchEntities('في محافظات دير الزور، الرقة، والحسكة.').map((m) => m.alternatives)).toEqual([['deir-ez-zor'], ['raqqa'], ['hasakah']]);
    expect(matchEntities('قصف على مدينة الرقة')[0]!.alternatives).toBeUndefined();
    expect(ids('بين محافظتي درعا والسويداء وفي مدينة حلب')).toEqual(['daraa-gov', 'suwayda-gov', 'aleppo']);
    expect(ids('في مدينة الحسكة والرقة')).toEqual(['hasakah', 'raqqa']);
  });

  it('reads a bare "التل" as the town where the text names Rif Dimashq, and not a hill', () => {
    expect(ids('اشتباكات في التل بريف دمشق')).toEqual(['al-tall', 'rif-dimashq-gov']);
    expect(ids('قصفت قوات النظام مدينة التل بريف دمشق')).toContain('al-tall');
    expect(ids('اعتقال شابين من التل وقدسيا في ريف دمشق')).toEqual(['al-tall', 'qudsaya', 'rif-dimashq-gov']);
    // A hill: "the strategic hill", "the hill overlooking the town", or a text of another governorate.
    expect(ids('سيطرت القوات على التل الاستراتيجي في ريف دمشق')).not.toContain('al-tall');
    expect(ids('سيطرت القوات على التل المطل على البلدة في ريف دمشق')).not.toContain('al-tall');
    expect(ids('سيطرت القوات على التل قرب بلدة كفرنبودة')).not.toContain('al-tall');
    expect(ids('تمركزت القوات فوق التل')).toEqual([]);
  });

  it('reads a bare "الباب" as al-Bab only after a word of place, where the text names Aleppo', () => {
    expect(ids('اشتباكات في الباب شرقي حلب')).toEqual(['al-bab', 'aleppo-countryside-east']);
    expect(ids('انفجار سيارة مفخخة بالباب في ريف حلب الشرقي')).toEqual(['al-bab', 'aleppo-countryside-east']);
    expect(ids('تقدمت الفصائل نحو الباب وقباسين في ريف حلب')).toContain('al-bab');
    expect(ids('سقطت قذائف قرب الباب، وفي حلب قتل مدنيان')).toContain('al-bab');
    // A door: after a verb of opening or closing, or a noun; or a text that names no place in Aleppo.
    expect(ids('قرار يفتح الباب أمام عودة اللاجئين إلى حلب')).not.toContain('al-bab');
    expect(ids('أغلقت الحكومة الباب أمام التجار في حلب')).not.toContain('al-bab');
    expect(ids('دعا إلى إغلاق الباب في وجه المهربين بريف حلب')).not.toContain('al-bab');
    expect(ids('انفجار في الباب')).not.toContain('al-bab');
    // A door one goes out or in by, where the text names Aleppo: not the town.
    expect(ids('خرج من الباب مسرعاً بعد الانفجار في حلب')).not.toContain('al-bab');
    expect(ids('دخلوا من الباب الخلفي للمستشفى في حلب')).not.toContain('al-bab');
    expect(ids('خرج المقاتلون من الباب في ريف حلب الشرقي')).toContain('al-bab');
    expect(ids('نزح الأهالي من الباب في ريف حلب')).toContain('al-bab');
  });

  it('never reads a bare "الباب" back to a crossing named before it', () => {
    expect(ids('عبرت القافلة معبر باب السلامة في ريف حلب، ثم وصلت إلى الباب')).toEqual(['bab-al-salama', 'aleppo-countryside', 'al-bab']);
    expect(ids('أعيد فتح معبر باب الهوى مع ريف حلب بعد أن فتح الباب أمام التجار')).not.toContain('al-bab');
    expect(ids('أعيد فتح معبر باب الهوى مع ريف حلب بعد أن فتح الباب أمام التجار').filter((x) => x === 'bab-al-hawa')).toHaveLength(1);
  });
});

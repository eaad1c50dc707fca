import { describe, expect, it } from 'vitest';
import { attributions, framing, namingSummary, namingTerms, registerOf, REGISTERS } from '../../../lib/claims';
import { aliasText, entityById } from '../../../lib/entities';

const brief = (t: string, date?: string) =>
  attributions(t, { date }).map((c) => ({ source: c.sourceId ?? c.source, type: c.sourceType, cue: c.cue, qualifier: c.qualifier, via: c.via.map((v) => v.sourceId ?? v.source) }));

describe('attributions', () => {
  it('keeps the qualifier an outlet puts on its source', () => {
    expect(brief('وأفادت قناة "الميادين" التابعة لإيران أن قوات الأسد تقدمت.')).toEqual([
      { source: 'al-mayadeen', type: 'pro-regime-media', cue: 'وأفادت', qualifier: 'التابعة لإيران', via: [] },
    ]);
    expect(brief('ذكرت وكالة "أعماق"، المقرّبة من تنظيم "داعش"، أنّ عناصره انسحبوا.')).toEqual([
      { source: 'amaq', type: 'jihadist-media', cue: 'ذكرت', qualifier: 'المقرّبة من تنظيم "داعش"', via: [] },
    ]);
  });

  it('follows the chain: a source via another, and "نقلت X عن Y"', () => {
    expect(brief('وأفادت مصادر ميدانية، بحسب شبكة "الدرر الشامية"، بأن الثوار سيطروا.')).toEqual([
      { source: 'field-sources', type: 'unnamed', cue: 'وأفادت', qualifier: null, via: ['eldorar'] },
    ]);
    const c = attributions('ونقلت وكالة الأنباء السورية الرسمية "سانا"، عن محافظ الحسكة محمد زعلل العلي قوله "إن الجيش تقدم".');
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ source: 'محافظ الحسكة محمد زعلل العلي', sourceId: 'mohammad-zaalan-al-ali', sourceType: 'official', cue: 'ونقلت' });
    expect(c[0]!.via.map((v) => v.sourceId)).toEqual(['sana']);
  });

  it('reads "لا يخفي X أن" as X saying it, and other negated verbs as nothing said', () => {
    expect(brief('بالمقابل لا يخفي آخرون أن انسحابات التنظيم هي تسليم لها.')).toEqual([
      { source: 'آخرون', type: 'unnamed', cue: 'لا يخفي', qualifier: null, via: [] },
    ]);
    expect(brief('ولم تخف مصادر ميدانية أن الهجوم فشل.')).toMatchObject([{ source: 'field-sources', cue: 'ولم تخف' }]);
    expect(brief('فيما لم يذكر المكتب اسم القتيل أو صفته.')).toEqual([]);
    expect(brief('ولا يخفي الحصار على أحد.')).toEqual([]);
  });

  it('takes indefinite speakers ("يرى البعض", "يقول خبراء") as unnamed sources', () => {
    expect(brief('فيما يرى البعض أن السكن الجامعي ملاذ آمن.')).toMatchObject([{ source: 'البعض', type: 'unnamed', cue: 'يرى' }]);
    expect(brief('ويقول خبراء إن الأسعار سترتفع.')).toMatchObject([{ source: 'خبراء', type: 'unnamed', cue: 'ويقول' }]);
  });

  it('reads a headline that gives the speaker and a colon, but not a label or a topic', () => {
    expect(brief('أردوغان: استقرار سوريا يعود بالفائدة على دول المنطقة')).toEqual([{ source: 'erdogan', type: 'official', cue: ':', qualifier: null, via: [] }]);
    expect(brief('وزير المالية: ستكون بورصة دمشق شركة خاصة')).toMatchObject([{ source: 'ministry-finance', type: 'official', cue: ':' }]);
    expect(brief('المصدر: شبكة شام')).toEqual([]);
    expect(brief('فلول النظام البائد في لبنان: بين تضييق حزب الله والبحث عن طرق الهروب')).toEqual([]);
    expect(brief('بعد سقوط النظام: تفكيك المحكمة وفتح ملفاتها')).toEqual([]);
    // A verb before the colon: the verb's claim, read once.
    expect(brief('وقال باراك: "سياساتنا الحالية لن تشبه ما مضى". وكان توم باراك سفيراً.')).toMatchObject([{ source: 'tom-barrack', cue: 'وقال' }]);
  });

  it('names a person by surname once the text has named them in full', () => {
    const t = 'شدد القائد العام مظلوم عبدي على الحوار. وأضاف عبدي أن قسد ستكون جزءاً من الجيش.';
    expect(brief(t).map((c) => c.source)).toEqual(['mazloum-abdi', 'mazloum-abdi']);
    // Without the full name, a bare surname is nobody the gazetteer knows.
    expect(brief('وأضاف عبدي أن الحوار مستمر.')[0]!.source).toBe('عبدي');
  });

  it('reads "المرصد" as the observatory the text named, and "المديرية" as the speaker just quoted', () => {
    const t = 'وثق مرصد "بصمة لحقوق الإنسان" 56 حالة اعتقال. رصد المرصد مقتل مدني.';
    expect(brief(t).map((c) => c.source)).toEqual(['basma-observatory', 'basma-observatory']);
    expect(brief('رصد المرصد مقتل مدني.').map((c) => c.source)).toEqual(['sohr']);
    const d = brief('أكدت مديرية الإعلام في حلب عدم صحة الأنباء عن مديرية الأمن. وأفادت المديرية أن الاتفاق قائم.');
    expect(d.map((c) => c.source)).toEqual(['مديرية الإعلام', 'مديرية الإعلام']);
    expect(attributions('أكدت مديرية الإعلام في حلب عدم صحة الأنباء عن مديرية الأمن. وأفادت المديرية أن الاتفاق قائم.')[1]!.sourceId).toBeNull();
  });

  it('takes an honorific and a name as the speaker, and "على أن" as what was said', () => {
    expect(brief('وكان أوضح الأستاذ "عبد الكريم ليله" مدير مديرية الإعلام في محافظة حلب، في تصريح خاص، تفاصيل الاتفاق.')).toMatchObject([{ source: 'الأستاذ "عبد الكريم ليله" مدير مديرية الإعلام', type: 'official' }]);
    expect(brief('وشدد ليله على أن الأحياء ستكون تابعة للدولة.')).toMatchObject([{ source: 'ليله', type: 'person', cue: 'وشدد' }]);
  });

  it('reads prepositional cues on their own', () => {
    expect(brief('لينسحب مقاتلو التنظيم، وفق صحيفة العربي الجديد.')).toMatchObject([{ source: 'al-araby-al-jadeed', cue: 'وفق' }]);
    expect(brief('قتل ثلاثة مدنيين بحسب المرصد السوري لحقوق الإنسان.')).toMatchObject([{ source: 'sohr', type: 'ngo', cue: 'بحسب' }]);
    expect(brief('وذلك نقلاً عن مصادر محلية.')).toMatchObject([{ source: 'local-sources', type: 'unnamed', cue: 'نقلاً' }]);
  });

  it('carries the speaker over to "وقال: إن" and to participles', () => {
    const c = attributions('فيما أشار مصدر عسكري الى أن الجيش "وسع بنك أهدافه"، موضحاً أن البنك يشمل أربعة محاور. وقال: إن "المحور الأول سيكون في ريف حلب".');
    expect(c.map((x) => [x.sourceId, x.inherited])).toEqual([['military-sources', false], ['military-sources', true]]);
  });

  it('resolves a media office to the organisation named before it', () => {
    const c = attributions('انفجرت سيارة أمام مقر حركة "أحرار الشام". وأفاد المكتب الإعلامي للحركة بأن المفخخة أسفرت عن مقتل شخص.');
    expect(c).toMatchObject([{ source: 'المكتب الإعلامي للحركة', sourceId: 'ahrar-al-sham', sourceType: 'faction' }]);
  });

  it('resolves "الوزارة" and "الوزير" to the ministry and minister named before', () => {
    const c = attributions('أعلنت وزارة المالية رفع الرواتب. وأوضحت الوزارة أن الزيادة تشمل المتقاعدين. وقال وزير المالية محمد يسر برنية إن الخطوة أولى. وأضاف الوزير أن المزيد قادم.');
    expect(c.map((x) => [x.source, x.sourceId, x.sourceType])).toEqual([
      ['وزارة المالية', 'ministry-finance', 'official'],
      ['الوزارة', 'ministry-finance', 'official'],
      ['وزير المالية محمد يسر برنية', 'mohammad-barnieh', 'official'],
      ['الوزير', 'mohammad-barnieh', 'official'],
    ]);
    expect(attributions('وأوضحت الوزارة أن الزيادة تشمل المتقاعدين.')).toMatchObject([{ source: 'الوزارة', sourceId: null, sourceType: 'official' }]);
  });

  it('types officials and named people, and ignores verbs that attribute nothing', () => {
    expect(attributions('وقال وزير المالية السوري محمد يسر برنية إن الرواتب سترتفع.')).toMatchObject([
      { source: 'وزير المالية السوري محمد يسر برنية', sourceId: 'mohammad-barnieh', sourceType: 'official', cue: 'وقال' },
    ]);
    expect(brief('وقال وزير النقل للإخبارية إن الطرق آمنة.')).toMatchObject([{ source: 'ministry-transport', type: 'official' }]);
    // Another country's minister is not the Syrian ministry.
    expect(brief('وقال وزير الداخلية اللبناني إن الحدود آمنة.')).toMatchObject([{ source: 'وزير الداخلية اللبناني', type: 'official' }]);
    expect(brief('ويكشف "هويدي" في تصريح للصحيفة أن التنظيم زرع الألغام.')).toMatchObject([{ source: 'هويدي', type: 'person' }]);
    expect(brief('فيما لم يذكر اسم القتيل أو صفته.')).toEqual([]);
    expect(brief('طريق خناصر الذي يعتبر أهم خط إمداد إلى المدينة.')).toEqual([]);
    expect(brief('دون أي مقاومة أو اشتباكات تذكر.')).toEqual([]);
    expect(brief('تقاسم السيطرة وفق تفاهمات دولية.')).toEqual([]);
  });

  it('ends the speaker at "على" and at an aside, types documents, and rejects fragments', () => {
    expect(attributions('وأكد وزير الاتصالات عبد السلام هيكل على ضرورة ضبط الامتحانات.')).toMatchObject([
      { source: 'وزير الاتصالات عبد السلام هيكل', sourceId: 'abdulsalam-haykal', sourceType: 'official' },
    ]);
    expect(brief('وقال الطالب علي الريني إن الامتحان صعب.')).toMatchObject([{ source: 'الطالب علي الريني' }]);
    expect(brief('وأكد الوزير من جهته أن العمل مستمر.')).toMatchObject([{ source: 'الوزير', type: 'official' }]);
    expect(brief('وأفاد التقرير بأن الأسعار ارتفعت.')).toMatchObject([{ source: 'التقرير', type: 'document' }]);
    expect(brief('وأوضح فيها أن الأسعار ارتفعت.')).toEqual([]);
  });

  it('handles text without claims and hostile input', () => {
    expect(attributions('')).toEqual([]);
    expect(attributions('no Arabic at all. said nothing')).toEqual([]);
    expect(() => attributions('\uD800قال\u0000: إن')).not.toThrow();
  });
});

describe('framing', () => {
  it('finds withdrawal, handover, collapse, liberation, aggression and terrorism cues', () => {
    const t = 'انسحاب التنظيم تسليم للمناطق، وانهيار دفاعاته، وتحرير المدينة، والعدوان الروسي، والتنظيم الإرهابي.';
    expect(framing(t).map((f) => [f.frame, f.cue])).toEqual([
      ['withdrawal', 'انسحاب'], ['handover', 'تسليم'], ['collapse', 'انهيار'], ['liberation', 'تحرير'], ['aggression', 'عدوان'], ['terrorism', 'إرهابي'],
    ]);
  });

  it('gives offsets without the clitics and skips cue words inside place and source names', () => {
    const t = 'وبالانسحاب من غرفة عمليات "دحر الغزاة"، كتب فريق التحرير';
    const f = framing(t);
    expect(f.map((x) => t.slice(x.start, x.end))).toEqual(['انسحاب']);
  });

  it('frames a deal as a handover only among armed parties, and never reads rivers as a collapse', () => {
    const frames = (t: string) => framing(t, { date: '2025-06-01' }).map((f) => [f.frame, f.cue]);
    expect(frames('وصل وزير المالية لاتفاق مع الأمين التنفيذي للجنة الاقتصادية.')).toEqual([]);
    expect(frames('وأُبرمت خلال المعرض مئات الصفقات التجارية.')).toEqual([]);
    expect(frames('بدء تنفيذ صفقة تبادل موقوفين بين الحكومة السورية وقسد.')).toEqual([['handover', 'صفقة']]);
    expect(framing('ووصفت الفصائل هذا العمل بأنه اتفاق ضمني جمع نظام الأسد وداعش.').map((f) => f.frame)).toEqual(['handover', 'handover']);
    expect(frames('توفي طفلان غرقاً في الأنهار والبحيرات.')).toEqual([]);
    expect(frames('وانهار المبنى بعد القصف.')).toEqual([['collapse', 'انهار']]);
  });

  it('does not take Tehran for purification, electricity for fleeing, or a falling rocket for a collapse', () => {
    expect(framing('وصل الوفد إلى طهران')).toEqual([]);
    expect(framing('خطوط مياه وكهرباء')).toEqual([]);
    expect(framing('صاروخ سقط في منطقة الهول')).toEqual([]);
    expect(framing('سقط مطار كويرس العسكري').map((f) => f.frame)).toEqual(['collapse']);
    expect(framing('استرجاع قيمة التذكرة واستعادة ثقة المواطنين')).toEqual([]);
    expect(framing('استعادة السيطرة على المدينة').map((f) => f.frame)).toEqual(['liberation']);
    expect(framing('الحماية من الانهيارات ومذكرة تفاهم واتفاقية تعاون')).toEqual([]);
  });
});

describe('naming', () => {
  it('lists registers only for names the gazetteer gives the actor', () => {
    for (const [actor, terms] of Object.entries(REGISTERS)) {
      const e = entityById(actor)!;
      const names = new Set([e.name.ar, ...e.aliases.map(aliasText)]);
      for (const term of Object.keys(terms)) expect(names.has(term), `${actor}: ${term}`).toBe(true);
    }
    expect(registerOf('islamic-state', 'داعش')).toBe('hostile');
    expect(registerOf('islamic-state', 'الدولة الإسلامية')).toBe('own');
  });

  it('tells which name a text uses for each actor', () => {
    const t = 'تقدمت قوات الأسد. وقال الجيش العربي السوري إن داعش انسحب، وطائرات العدوان الروسي تقصف.';
    const uses = namingTerms(t, { date: '2016-01-01' });
    expect(uses.map((u) => [u.actor, u.term])).toEqual([
      ['regime-forces', 'قوات الأسد'], ['regime-forces', 'الجيش العربي السوري'], ['islamic-state', 'داعش'], ['russia', 'طائرات العدوان الروسي'],
    ]);
    expect(uses[3]!.frames).toEqual(['aggression']);
    expect(uses.map((u) => u.register)).toEqual(['hostile', 'own', 'hostile', 'hostile']);
    expect(namingSummary(uses)['regime-forces']).toEqual({ 'قوات الأسد': 1, 'الجيش العربي السوري': 1 });
  });
});

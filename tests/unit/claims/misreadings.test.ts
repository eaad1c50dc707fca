// Misreadings found in the real 2025 corpus (tests/fixtures/real-2025.jsonl), each on its sentence.
import { describe, expect, it } from 'vitest';
import { attributions, framing } from '../../../lib/claims';

describe('misreadings of the real corpus', () => {
  it('"حتى لحظة تحرير التقرير" is the writing of the report, not liberation (Enab Baladi)', () => {
    const s = 'وأعلنت شركات طيران عودتها لتسيير رحلات لرحلاتها، من وإلى دمشق وعواصم عربية أخرى، أحدثها حتى لحظة تحرير التقرير، ما أعلنته شركة “فلاي دبي”.';
    expect(framing(s)).toEqual([]);
    expect(framing('وذكرت المصادر أن الخبر تأكد بعد تحرير الخبر بساعة.').map((f) => f.frame)).toEqual([]);
    // Liberation is still read where it is said.
    expect(framing('ومنذ تحرير سوريا من نظام الأسد البائد عاد آلاف اللاجئين.').map((f) => f.frame)).toEqual(['liberation']);
    expect(framing('قاتلت الفصائل حتى تحرير المدينة.').map((f) => f.frame)).toEqual(['liberation']);
  });

  it('"ينفي إغلاق مطار دمشق:" does not make the closure a person who spoke (Shaam Network)', () => {
    const title = 'الطيران المدني السوري ينفي إغلاق مطار دمشق: لا إغلاق والمطار يعمل بكامل طاقته';
    expect(attributions(title).filter((c) => c.sourceType === 'person')).toEqual([]);
    const body = 'أصدرت الهيئة العامة للطيران المدني السوري بياناً نفت فيه صحة الأنباء المتداولة عبر بعض المنصات الإعلامية، والتي زعمت إغلاق مطار دمشق الدولي، مؤكدة أن المطار لا يزال يعمل بشكل طبيعي.';
    expect(attributions(body).map((c) => c.source)).not.toContain('إغلاق مطار دمشق الدولي');
    // A person named before a colon still speaks.
    expect(attributions('وقال مظلوم عبدي: إن الاتفاق سينفذ.').map((c) => [c.source, c.sourceType])).toContainEqual(['مظلوم عبدي', 'person']);
  });

  it('"بحسب ما ورد في" is what a document says; "ورد" is not a person (Enab Baladi)', () => {
    const s = 'وتحتاج سوريا إلى مساعدة دولية كبيرة لدعم جهود السلطات في إعادة تأهيل الاقتصاد، بحسب ما ورد في بيان صادر عن “صندوق النقد الدولي” في 10 من حزيران الحالي.';
    expect(attributions(s).map((c) => c.source)).not.toContain('ورد');
    expect(attributions('وستدعم الوزارة المشروع، بحسب ما ورد في البيان الرسمي.').map((c) => [c.source, c.sourceType])).toEqual([['البيان الرسمي', 'document']]);
  });
});

// A corpus where the first phase's reserves decide (lib/engine/search.ts candidatesOf): an article
// on shelling in a place whose lede is mostly background, 150 reports that share that background
// and are on other days, and another outlet's report of the shelling that shares the place and the
// day but little of the wording: more than CANDIDATES reports outscore it in BM25. Weather
// bulletins besides, so that the background words are not common words. The place is a town no
// other report names (found by the specific places' reserve), or a city so common (every bulletin
// names it: over the 5 % limit, SATURATED) that it is not looked up (found by the event's place on
// its days, lib/engine/place-days.ts).
import type { ReportRecord } from '../../../lib/types';

/** Background words of the article's lede, each shared by two thirds of the noise reports. */
const BACKGROUND = [
  'الاقتصاد', 'المشروع', 'التعليم', 'الجامعة', 'الطلاب', 'المدرسة', 'الكهرباء', 'الشبكة', 'المحطة', 'الوقود',
  'الأسعار', 'السوق', 'التجار', 'الزراعة', 'القمح', 'المحصول', 'الموسم', 'الفلاحين', 'المصانع', 'العمال',
  'الرواتب', 'الموظفين', 'الميزانية', 'الضرائب', 'المصارف', 'القروض', 'الاستثمار', 'الشركات', 'المعرض', 'الصادرات',
  'المستشفى', 'الأطباء', 'الدواء', 'الصيدليات', 'اللقاح', 'الطرقات', 'الجسور', 'النقل', 'الحافلات', 'المطار',
  'السياحة', 'الفنادق', 'المطاعم', 'الثقافة', 'المسرح', 'الكتاب', 'المكتبة', 'الرياضة', 'الملعب', 'المنتخب',
];

/** Words only noise reports use, to keep them apart from one another. */
const FILLER = ['الصيف', 'الشتاء', 'الربيع', 'الخريف', 'الصباح', 'المساء', 'الأسبوع', 'الشهر', 'العام', 'الماضي', 'المقبل', 'الجديد', 'القديم'];

const sentence = (words: readonly string[]) => `وتحدث التقرير عن ${words.join(' و')}.`;

export interface ReserveCorpus {
  records: ReportRecord[];
  article: ReportRecord;
  partner: ReportRecord;
}

/** Bulletins naming the city: more than the 1,000 reports a term's postings are kept for at most. */
const SATURATED = 1100;

/** Reports on other things (weather bulletins), so that the background words are not common words. */
function bulletin(i: number, where: string): ReportRecord {
  return {
    url: `https://example.org/weather/${i}`,
    outlet: 'halab-today',
    title: `نشرة الطقس رقم ${i}${where ? ` في ${where}` : ''}`,
    text: `توقعت دائرة الأرصاد الجوية طقسا ${i % 2 ? 'باردا' : 'دافئا'} مع رياح ${i % 3 ? 'خفيفة' : 'نشطة'} وأمطار متفرقة في النشرة رقم ${i} لهذا اليوم.`,
    publishedAt: `2023-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
  };
}

/** `town`: the place is جنديرس, named by the article and the partner only; `city`: اللاذقية,
 *  named by SATURATED bulletins too. */
export function reserveCorpus(place: 'town' | 'city' = 'town', noise = 150): ReserveCorpus {
  const where = place === 'town' ? 'جنديرس' : 'اللاذقية';
  const article: ReportRecord = {
    url: 'https://example.org/article',
    outlet: 'orient-news',
    title: `قصف مدفعي على ${where} يوقع سبعة قتلى`,
    text: [
      `قتل سبعة مدنيين في قصف مدفعي استهدف ${place === 'town' ? 'بلدة' : 'مدينة'} ${where} صباح اليوم بحسب مصادر محلية.`,
      ...Array.from({ length: 5 }, (_, i) => sentence(BACKGROUND.slice(i * 10, i * 10 + 10))),
    ].join('\n'),
    publishedAt: '2025-03-10',
  };
  const partner: ReportRecord = {
    url: 'https://example.org/partner',
    outlet: 'enab-baladi',
    title: `7 ضحايا بقذائف صاروخية على ${where}`,
    text: `أفاد ناشطون بسقوط 7 ضحايا جراء سقوط قذائف صاروخية على ${where} صباح اليوم، وسط حالة من الخوف بين الأهالي.`,
    publishedAt: '2025-03-10',
  };
  const records: ReportRecord[] = [article, partner];
  for (let i = 0; i < noise; i++) {
    // Two background words of three, from a different start, so that each word is in two thirds of them.
    const words = BACKGROUND.filter((_, k) => k % 3 !== i % 3);
    const filler = FILLER.filter((_, k) => (i >> k) & 1);
    records.push({
      url: `https://example.org/noise/${i}`,
      outlet: 'sana',
      title: `تقرير عن ${words[i % words.length]} ${FILLER[i % FILLER.length]}`,
      text: [sentence(words.slice(0, 12)), sentence(words.slice(12, 24)), sentence(words.slice(24)), `وذكر التقرير ${filler.join(' و') || 'ذلك'} في العدد ${i}.`].join('\n'),
      publishedAt: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
    });
  }
  for (let i = 0; i < (place === 'city' ? SATURATED : 300); i++) records.push(bulletin(i, place === 'city' ? where : ''));
  return { records, article, partner };
}

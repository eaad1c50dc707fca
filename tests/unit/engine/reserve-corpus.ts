// A corpus where the first phase's reserve decides (lib/engine/search.ts candidatesOf): an article
// on shelling in one town whose lede is mostly background, 150 reports that share that background
// word for word and name no place, and another outlet's report of the shelling that shares the
// town and the day but little of the wording: more than CANDIDATES reports outscore it in BM25.
// Weather bulletins besides, so that the background words are not common words.
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

/** Reports on other things (weather bulletins), so that the background words are not common words. */
function bulletin(i: number): ReportRecord {
  return {
    url: `https://example.org/weather/${i}`,
    outlet: 'halab-today',
    title: `نشرة الطقس رقم ${i}`,
    text: `توقعت دائرة الأرصاد الجوية طقسا ${i % 2 ? 'باردا' : 'دافئا'} مع رياح ${i % 3 ? 'خفيفة' : 'نشطة'} وأمطار متفرقة في النشرة رقم ${i} لهذا اليوم.`,
    publishedAt: `2023-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
  };
}

export function reserveCorpus(noise = 150, bulletins = 300): ReserveCorpus {
  const article: ReportRecord = {
    url: 'https://example.org/article',
    outlet: 'orient-news',
    title: 'قصف مدفعي على جنديرس يوقع سبعة قتلى',
    text: [
      'قتل سبعة مدنيين في قصف مدفعي استهدف بلدة جنديرس صباح اليوم بحسب مصادر محلية.',
      ...Array.from({ length: 5 }, (_, i) => sentence(BACKGROUND.slice(i * 10, i * 10 + 10))),
    ].join('\n'),
    publishedAt: '2025-03-10',
  };
  const partner: ReportRecord = {
    url: 'https://example.org/partner',
    outlet: 'enab-baladi',
    title: '7 ضحايا بقذائف صاروخية على جنديرس',
    text: 'أفاد ناشطون بسقوط 7 ضحايا جراء سقوط قذائف صاروخية على جنديرس صباح اليوم، وسط حالة من الخوف بين الأهالي.',
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
  for (let i = 0; i < bulletins; i++) records.push(bulletin(i));
  return { records, article, partner };
}

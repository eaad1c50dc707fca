// Light stemming of normalised words (lib/arabic/normalize), measured on the corpora in
// bench/STEMMING.md. Light10 (Larkey) joins many forms but also merges what must stay apart
// (السوريين → سور "wall", المدنيين → مدن "cities", إيران → اير, وزارة → زار "visited"). This
// stemmer keeps Light10's prefixes and changes the suffixes:
//  - nisba adjectives and their plurals meet on the adjective: السوريين، السوريون، السورية،
//    سوريا → سوري; عمليات، عملية → عملي (never stripped down to the root);
//  - possessive pronouns come off and a ta marbuta they exposed comes back: سيطرتها → سيطره;
//  - the sound plurals ون/ين/ات come off, but not ان (إيران، لبنان، حزيران are names, not duals);
//  - و/ف come off only before the article or when the word is not one of the common words
//    that start with that letter (وزير، وطن، فرات، فصائل).

// Words whose first و or ف is part of the word (normalised). The list holds stems: a word is
// protected when it starts with one of them.
const W_INITIAL = [
  'وزير', 'وزار', 'وزرا', 'وطن', 'وحد', 'ولاي', 'وادي', 'والي', 'وسط', 'وكال', 'وكيل', 'وصول', 'وصل', 'وقف', 'وقت', 'وفد', 'وفق',
  'وفا', 'وضع', 'واقع', 'وثيق', 'وثاي', 'وجود', 'وجه', 'واجب', 'وعد', 'وعود', 'ورق', 'وزن', 'ولد', 'ولاد', 'وقود', 'وليد',
  'وارد', 'ورش', 'وظيف', 'وظاي', 'وعي', 'وفر', 'وقاي', 'واشنطن', 'ورد', 'وسيل', 'وسايل', 'وصف', 'وسع', 'واسع', 'وحش', 'وهم',
  'وباء', 'وجب', 'وقع', 'ولاء', 'وحيد', 'وداع', 'وديع', 'وكر', 'ولي', 'وهاب', 'وليم', 'ويل', 'ويب', 'ويك',
];
const F_INITIAL = [
  'فرات', 'فصاي', 'فصيل', 'فرنس', 'فلول', 'فريق', 'فتر', 'فرع', 'فروع', 'فكر', 'فيلق', 'فندق', 'فوج', 'فقر', 'فاعل', 'فعال',
  'فلسطين', 'فيين', 'فتح', 'فترات', 'فرص', 'فرصه', 'فقد', 'فوز', 'فاز', 'فيديو', 'فيس', 'فني', 'فنان', 'فن', 'فحص', 'فصل',
  'فرد', 'افراد', 'فرض', 'فريد', 'فلاح', 'فواتير', 'فاتور', 'فوري', 'فايد', 'فيضان', 'فساد', 'فشل', 'فوق', 'فرق', 'فرح',
];

function protectedAfter(w: string): boolean {
  const list = w[0] === 'و' ? W_INITIAL : F_INITIAL;
  return list.some((p) => w.startsWith(p));
}

const ARTICLES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
const PRONOUNS = ['هما', 'هم', 'هن', 'ها', 'كم'];

export function stem(word: string): string {
  if (!/[\u0600-\u06FF]/.test(word)) return word;
  let w = word;
  // Conjunction: "وقوات" → "قوات", but "وزارة" stays.
  if ((w[0] === 'و' || w[0] === 'ف') && w.length > 3 && !w.startsWith('وال') && !w.startsWith('فال') && !protectedAfter(w)) w = w.slice(1);
  for (const p of ARTICLES) {
    if (w.startsWith(p) && w.length - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  }
  // Possessive pronouns; a ta marbuta written ت before them comes back ("سيطرتها" → "سيطره").
  for (const p of PRONOUNS) {
    if (w.endsWith(p) && w.length - p.length >= 3) {
      w = w.slice(0, -p.length);
      if (w.endsWith('ت') && !w.endsWith('ات') && w.length >= 4) w = `${w.slice(0, -1)}ه`;
      break;
    }
  }
  // "قواته", "انسحاباته": a plural with "his"; "سيطرته": a ta marbuta with "his".
  if (w.endsWith('اته') && w.length >= 5) w = w.slice(0, -1);
  else if (w.endsWith('ته') && w.length >= 5) w = `${w.slice(0, -2)}ه`;
  // Tanwin on an indefinite accusative: "هجوماً" → "هجوم" (the mark itself is gone already).
  if (w.endsWith('ا') && !w.endsWith('يا') && !w.endsWith('اا') && w.length >= 5) w = w.slice(0, -1);
  // Nisba adjectives, their feminine and plurals, and country names in -يا meet on -ي.
  for (const s of ['يين', 'يون', 'يات', 'يه', 'يا']) {
    if (w.endsWith(s) && w.length - s.length >= 3) return `${w.slice(0, -s.length)}ي`;
  }
  for (const s of ['ون', 'ين', 'ات']) {
    if (w.endsWith(s) && w.length - s.length >= 3) return w.slice(0, -s.length);
  }
  return w;
}

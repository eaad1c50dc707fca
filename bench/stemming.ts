// Measures light stemming on the corpora (the five seeds and the real 2025 reports) rather than
// assuming it helps: `npx tsx bench/stemming.ts` rewrites bench/STEMMING.md.
//  1. Pairs: forms that belong together must meet, forms that do not must stay apart.
//  2. Vocabulary: how many distinct terms each stemmer leaves, and its largest classes.
//  3. Retrieval: each seed ranks the other documents by TF-IDF cosine; the other seeds (all on
//     the same story: Islamic State withdrawals before Assad's forces) should come first.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { isStopWord, stem, words } from '../lib/arabic';

type Stemmer = (w: string) => string;

const AR = /[\u0600-\u06FF]/;

/** Larkey's Light10, as published: و, the article forms, then each suffix once, in order. */
const light10: Stemmer = (w) => {
  if (!AR.test(w)) return w;
  let s = w;
  if (s.length > 3 && s.startsWith('و')) s = s.slice(1);
  for (const p of ['ال', 'وال', 'بال', 'كال', 'فال', 'لل']) {
    if (s.startsWith(p) && s.length - p.length > 1) {
      s = s.slice(p.length);
      break;
    }
  }
  for (const suf of ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي']) {
    if (s.endsWith(suf) && s.length - suf.length > 1) s = s.slice(0, -suf.length);
  }
  return s;
};

const STEMMERS: Record<string, Stemmer> = {
  none: (w) => w,
  light10,
  isnad: stem,
};

// Forms that belong together (normalised: ة→ه, أ→ا, ى→ي).
const JOIN: Array<[string, string]> = [
  ['المدينه', 'مدينه'], ['والمدينه', 'مدينه'], ['بالمدينه', 'المدينه'], ['للمدينه', 'المدينه'], ['قوات', 'القوات'],
  ['وقوات', 'قوات'], ['الانسحاب', 'انسحاب'], ['انسحابات', 'انسحاب'], ['الانسحابات', 'الانسحاب'], ['المعارك', 'معارك'],
  ['والمعارك', 'المعارك'], ['السوري', 'سوري'], ['السوريه', 'السوري'], ['السوريين', 'السوري'], ['السوريون', 'السوريين'],
  ['سوريا', 'سوريه'], ['بسوريا', 'سوريا'], ['مناطق', 'المناطق'], ['بمناطق', 'مناطق'], ['الفصايل', 'فصايل'], ['والفصايل', 'فصايل'],
  ['المطار', 'مطار'], ['بالمطار', 'المطار'], ['الحصار', 'حصار'], ['التنظيم', 'تنظيم'], ['للتنظيم', 'التنظيم'],
  ['عناصر', 'العناصر'], ['عناصره', 'عناصر'], ['قواته', 'قوات'], ['سيطرته', 'سيطره'], ['سيطرتها', 'سيطره'],
  ['السيطره', 'سيطره'], ['الاحياء', 'احياء'], ['اشتباكات', 'الاشتباكات'], ['المقاتلين', 'مقاتلين'], ['الروسي', 'روسي'],
  ['الروسيه', 'الروسي'], ['روسيا', 'الروسي'], ['الايرانيه', 'الايراني'], ['العسكري', 'عسكري'], ['العسكريه', 'العسكري'],
  ['الاستراتيجيه', 'الاستراتيجي'], ['الحكومه', 'حكومه'], ['الوزاره', 'وزاره'], ['المدنيين', 'المدنيون'], ['المدنيين', 'مدني'],
  ['الاسلاميه', 'الاسلامي'], ['المحافظه', 'محافظه'], ['محافظات', 'محافظه'], ['الطريق', 'طريق'], ['بلدات', 'بلده'],
  ['البلدات', 'بلده'], ['الشرقي', 'شرقي'], ['الشرقيه', 'الشرقي'], ['الاسعار', 'اسعار'], ['الليره', 'ليره'],
  ['الدولار', 'دولار'], ['بالدولار', 'الدولار'], ['المواطنين', 'المواطن'], ['مواطنون', 'مواطنين'], ['الانتخابات', 'انتخابات'],
  ['مجلس', 'المجلس'], ['والمجلس', 'مجلس'], ['الخساير', 'خساير'], ['خسارته', 'خساره'], ['الهجوم', 'هجوم'],
  ['هجوما', 'هجوم'], ['تقدما', 'تقدم'], ['كبيرا', 'كبير'], ['تركيا', 'التركي'], ['الكرديه', 'الكردي'], ['الوطنيه', 'الوطني'],
  ['ميليشيات', 'الميليشيات'], ['الميليشيات', 'ميليشيا'], ['اتفاق', 'الاتفاق'], ['اتفاقيات', 'اتفاقيه'], ['حلب', 'بحلب'],
];

// Forms that must stay apart: a stemmer that merges them mixes different things.
const APART: Array<[string, string]> = [
  ['السوريين', 'سور'], ['سوريا', 'سور'], ['سوريه', 'سور'], ['سوره', 'سوريه'], ['المدنيين', 'المدن'], ['مدني', 'مدن'],
  ['محافظ', 'محافظه'], ['مدينه', 'مدين'], ['الدولي', 'الدول'], ['وطن', 'طن'], ['وحده', 'حده'], ['فرات', 'رات'],
  ['وزاره', 'زار'], ['ولايه', 'لايه'], ['وادي', 'ادي'], ['والي', 'الي'], ['مطار', 'مطر'], ['سلميه', 'سلم'], ['عمان', 'عم'],
  ['الحسكه', 'الحسك'], ['اعلام', 'اعلان'], ['ايران', 'اير'], ['لبنان', 'لبن'], ['عثمان', 'عثم'], ['سلطان', 'سلط'],
  ['بيان', 'بي'], ['حزيران', 'حزير'], ['الطيران', 'الطير'], ['البلدان', 'البلد'], ['الكيان', 'الكي'],
];

function pairScores(s: Stemmer) {
  const joined = JOIN.filter(([a, b]) => s(a) === s(b));
  const merged = APART.filter(([a, b]) => s(a) === s(b));
  return { join: joined.length / JOIN.length, apart: 1 - merged.length / APART.length, missed: JOIN.filter((p) => !joined.includes(p)), merged };
}

interface Doc { id: string; text: string }

function loadDocs(): Doc[] {
  const seeds = readdirSync('data/seeds').filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: f.slice(0, 3), text: readFileSync(`data/seeds/${f}`, 'utf8') }));
  const real = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean).map((l, i) => {
    const r = JSON.parse(l) as { title: string; text: string };
    return { id: `r${i}`, text: `${r.title}\n${r.text}` };
  });
  return [...seeds, ...real];
}

function termsWith(s: Stemmer, text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || isStopWord(w) || /^\d+$/.test(w)) continue;
    const t = s(w);
    if (!isStopWord(t)) out.push(t);
  }
  return out;
}

/** For each seed, the share of the other four seeds among its four nearest documents (P@4), and MRR. */
function retrieval(s: Stemmer, docs: Doc[]) {
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of termsWith(s, d.text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vecs = tfs.map((tf) => {
    const v = new Map<string, number>();
    let n = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * Math.log(docs.length / df.get(t)!);
      v.set(t, w);
      n += w * w;
    }
    n = Math.sqrt(n) || 1;
    for (const [t, w] of v) v.set(t, w / n);
    return v;
  });
  const cos = (a: Map<string, number>, b: Map<string, number>) => {
    let x = 0;
    for (const [t, w] of a) x += w * (b.get(t) ?? 0);
    return x;
  };
  const seeds = docs.map((d, i) => [d, i] as const).filter(([d]) => !d.id.startsWith('r'));
  let p4 = 0;
  let mrr = 0;
  let gap = 0;
  for (const [, i] of seeds) {
    const ranked = docs.map((d, j) => ({ d, j, c: j === i ? -1 : cos(vecs[i]!, vecs[j]!) })).filter((x) => x.j !== i).sort((a, b) => b.c - a.c);
    p4 += ranked.slice(0, 4).filter((x) => !x.d.id.startsWith('r')).length / 4;
    mrr += 1 / (ranked.findIndex((x) => !x.d.id.startsWith('r')) + 1);
    const seedSims = ranked.filter((x) => !x.d.id.startsWith('r')).map((x) => x.c);
    const bestOther = ranked.find((x) => x.d.id.startsWith('r'))!.c;
    gap += Math.min(...seedSims) - bestOther;
  }
  return { p4: p4 / seeds.length, mrr: mrr / seeds.length, gap: gap / seeds.length };
}

function vocabulary(s: Stemmer, docs: Doc[]) {
  const freq = new Map<string, number>();
  for (const d of docs) for (const w of words(d.text)) if (AR.test(w) && !isStopWord(w)) freq.set(w, (freq.get(w) ?? 0) + 1);
  const classes = new Map<string, Array<[string, number]>>();
  for (const [w, f] of freq) {
    const k = s(w);
    const c = classes.get(k) ?? [];
    c.push([w, f]);
    classes.set(k, c);
  }
  const biggest = [...classes].sort((a, b) => b[1].length - a[1].length).slice(0, 8);
  return { words: freq.size, stems: classes.size, biggest };
}

const docs = loadDocs();
const f3 = (x: number) => x.toFixed(3);
const lines: string[] = [];
lines.push('# Light stemming, measured', '');
lines.push('Generated by `npx tsx bench/stemming.ts` on the five seeds and the 162 real 2025 reports. `isnad` is', '`lib/arabic/stem.ts`, used by `terms()` for ranking; `light10` is Larkey\'s Light10 as published.', '');
lines.push('| stemmer | pairs joined (of ' + JOIN.length + ') | pairs kept apart (of ' + APART.length + ') | distinct terms | seed retrieval P@4 | MRR | margin |');
lines.push('| --- | --- | --- | --- | --- | --- | --- |');
const details: string[] = [];
for (const [name, s] of Object.entries(STEMMERS)) {
  const p = pairScores(s);
  const r = retrieval(s, docs);
  const v = vocabulary(s, docs);
  lines.push(`| ${name} | ${f3(p.join)} | ${f3(p.apart)} | ${v.stems} of ${v.words} words | ${f3(r.p4)} | ${f3(r.mrr)} | ${f3(r.gap)} |`);
  details.push(`## ${name}`, '');
  details.push(`Not joined: ${p.missed.map(([a, b]) => `${a}/${b}`).join(', ') || 'none'}.`, '');
  details.push(`Wrongly merged: ${p.merged.map(([a, b]) => `${a}/${b} → ${s(a)}`).join(', ') || 'none'}.`, '');
  details.push('Largest classes: ' + v.biggest.map(([k, ws]) => `**${k}** (${ws.length}: ${ws.sort((a, b) => b[1] - a[1]).slice(0, 6).map(([w]) => w).join(' ')}…)`).join('; ') + '.', '');
}
lines.push('', 'Pairs are hand-written (bench/stemming.ts: JOIN, APART). Retrieval: each seed ranks the other 166 documents by', 'TF-IDF cosine; the other four seeds tell the same story, so P@4 is the share of them among its four nearest, MRR the', 'reciprocal rank of the first, and margin the mean gap between its least similar seed and its most similar other report.', '');
lines.push(...details);
writeFileSync('bench/STEMMING.md', `${lines.join('\n')}\n`);
console.log(lines.slice(0, 10).join('\n'));

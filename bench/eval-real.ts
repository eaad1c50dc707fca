import { readFileSync } from 'node:fs';
import { parseJsonLines } from '../lib/corpus/formats';
import { toReport } from '../lib/corpus/index-store';
import { indexedDb } from '../cli/engine';
import { searchRelated } from '../lib/xref/search';
const recs = parseJsonLines('r', readFileSync('tests/fixtures/real-2025.jsonl','utf8')).records;
const labels = JSON.parse(readFileSync('tests/fixtures/real-2025-events.json','utf8')).sameEvent as string[][];
const db = await indexedDb(recs.map(r=>toReport(r,'import','real')));
const byUrl = new Map(recs.map(r=>[r.url,r]));
let ok=0, tot=0; const pos:number[]=[], neg:number[]=[];
const inGroup = new Map<string,string[]>(); for (const g of labels) for (const u of g) inGroup.set(u,g);
for (const r of recs) {
  const rel = await searchRelated(db, {url:r.url,outlet:r.outlet,title:r.title,text:r.text,publishedAt:r.publishedAt},{top:10, relatedThreshold:0});
  const g = inGroup.get(r.url);
  for (const x of rel) (g?.includes(x.url)?pos:neg).push(x.score);
  if (!g) continue;
  const partners = g.filter(u=>u!==r.url);
  const topk = rel.slice(0, partners.length).map(x=>x.url);
  const hit = partners.every(p=>topk.includes(p));
  tot++; if (hit) ok++; else console.log('MISS', r.title.slice(0,50), '->', rel.slice(0,3).map(x=>x.title.slice(0,40)+' '+x.score).join(' | '), 'partners at', partners.map(p=>rel.findIndex(x=>x.url===p)));
}
console.log(ok,'/',tot);
pos.sort((a,b)=>a-b); neg.sort((a,b)=>b-a);
console.log('pos min', pos.slice(0,8), 'neg max', neg.slice(0,12));

// The real 2025 corpus (162 reports from 11 outlets) analysed whole.
import { readFileSync } from 'node:fs';
import { nextRound, renderNextRound, spliceGenerated } from '../../../scripts/next-round';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lib/arabic';
import { analyse, type Analysis } from '../../../lib/claims';

interface Rec { url: string; outlet: string; title: string; publishedAt: string; text: string }
const records: Rec[] = readFileSync('tests/fixtures/real-2025.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);

describe('real 2025 corpus', () => {
  const results: Array<{ r: Rec; text: string; a: Analysis }> = [];

  it('analyses every report without error, with offsets that point at the names', () => {
    for (const r of records) {
      const text = `${r.title}\n${r.text}`;
      const a = analyse(text, { date: r.publishedAt });
      results.push({ r, text, a });
      for (const m of a.entities) {
        const words = normalize(text.slice(m.start, m.end)).replace(/["'\s-]+/g, ' ').trim();
        const last = normalize(m.alias).split(/[\s"'-]+/).filter(Boolean).pop()!;
        expect(words.endsWith(last) || words.replace(/ /g, '').endsWith(last) || `ا${words}`.endsWith(last), `${r.url}: "${words}" for ${m.id} (${m.alias})`).toBe(true);
      }
      for (const c of a.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    }
    expect(results).toHaveLength(162);
  });

  it('keeps lib/entities/NEXT.md, the gazetteer\'s next round, as the script writes it from this corpus', () => {
    const round = nextRound(records);
    const note = readFileSync('lib/entities/NEXT.md', 'utf8');
    expect(spliceGenerated(note, renderNextRound(round)), 'NEXT.md out of date: npm run -s gazetteer:next').toBe(note);
    // What it lists is indeed unknown: no listed name is matched by the gazetteer.
    for (const [name] of [...round.quoted, ...round.speakers]) expect(analyse(name).entities, name).toEqual([]);
    console.log(`next round: ${round.quoted.length} quoted names, ${round.speakers.length} speakers, ${round.unresolved.length} unresolved institution words, ${round.repeated.length} repeated phrases`);
  });

  it('finds the places, actors and sources the 2025 news is about', () => {
    const all = new Set(results.flatMap((x) => x.a.entities.map((e) => e.id)));
    for (const id of ['damascus-airport', 'qasioun', 'qatana', 'al-hol', 'quneitra-countryside', 'sheikh-maqsoud', 'sdf', 'ahmed-al-sharaa', 'israel', 'general-security', 'ikhbariya', 'sana', 'syria-tv', 'hermon', 'rukban']) {
      expect(all, id).toContain(id);
    }
  });

  it('reads "the Syrian army" in 2025 reports as the new army, never as the regime', () => {
    const army = results.flatMap((x) => x.a.entities.filter((e) => e.alias.startsWith('الجيش السوري')));
    expect(army.length).toBeGreaterThan(0);
    for (const e of army) expect(e.id).not.toBe('regime-forces');
  });

  it('attributes claims in most reports', () => {
    const withClaims = results.filter((x) => x.a.claims.length > 0).length;
    console.log(`real 2025: ${withClaims}/162 reports with attributed claims, ${results.reduce((s, x) => s + x.a.claims.length, 0)} claims, ${results.reduce((s, x) => s + x.a.entities.length, 0)} entity mentions`);
    expect(withClaims).toBeGreaterThan(80);
  });
});

// The matcher reads gazetteer names from a table computed ahead (lib/entities/names.generated.json):
// it must be the table the gazetteer data gives now, and decode to the names as written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/arabic';
import { ENTITIES, aliasText, matchEntities } from '../../../lib/entities';
import { currentNamesTable, GENERATED_IS_CURRENT } from '../../../lib/entities/gazetteer';
import { decodeNames, namesSource, renderNamesTable, type NamesTable } from '../../../lib/entities/names';

const FILE = 'lib/entities/names.generated.json';

describe('the generated table of names', () => {
  const table = currentNamesTable();

  it('is up to date with lib/entities/data (else: npm run -s gazetteer:names)', () => {
    expect(readFileSync(FILE, 'utf8'), `${FILE} is stale: run npm run -s gazetteer:names`).toBe(renderNamesTable(table));
    // And the gazetteer reads it: its source figures are these data's.
    expect(GENERATED_IS_CURRENT).toBe(true);
  });

  it('decodes, for each first word, names that start with that word and are the names as written', () => {
    const generated = JSON.parse(readFileSync(FILE, 'utf8')) as NamesTable;
    let entries = 0;
    for (const [word, group] of Object.entries(generated.first)) {
      const names = decodeNames(group, ENTITIES);
      const nexts = group.split('|').slice(1).map((p) => p.slice(0, p.indexOf(' ')));
      const all = [...nexts.flatMap((n) => names.longer(n)!), ...names.single];
      for (const e of all) {
        entries++;
        expect(e.tokens[0]).toBe(word);
        if (e.tokens.length > 1) expect(names.longer(e.tokens[1]!)).toContain(e);
        else expect(names.single).toContain(e);
        for (const c of e.candidates) {
          const toks = tokenize(c.alias).map((t) => t.text);
          // The name's words, or a Latin name's words without its article.
          expect(toks.join(' ').endsWith(e.tokens.join(' ')), `${c.alias} → ${e.tokens.join(' ')}`).toBe(true);
          expect([c.entity.name.ar, c.entity.name.en, ...c.entity.aliases.map(aliasText)]).toContain(c.alias);
        }
      }
    }
    expect(entries).toBeGreaterThan(4000);
  });

  it('is told stale by its source figures when a name is added or changed or an entity moves, so the matcher reads the gazetteer itself', () => {
    const base = namesSource(ENTITIES);
    const added = ENTITIES.map((e, i) => (i === 10 ? { ...e, aliases: [...e.aliases, 'اسم جديد'] } : e));
    const renamed = ENTITIES.map((e, i) => (i === 10 ? { ...e, name: { ...e.name, ar: `${e.name.ar}ي` } } : e));
    const weakened = ENTITIES.map((e, i) => (i === 10 ? { ...e, aliases: [...e.aliases.slice(1), { text: aliasText(e.aliases[0]!), weak: true }] } : e));
    const moved = [ENTITIES[1]!, ENTITIES[0]!, ...ENTITIES.slice(2)];
    for (const changed of [added, renamed, weakened, moved]) expect(namesSource(changed)).not.toEqual(base);
  });

  it('finds names through the table as the matcher always did (a name from each kind of entry)', () => {
    const ids = matchEntities('انسحبت قوات سوريا الديمقراطية من مطار كويرس بريف حلب الشرقي، وفق وكالة سانا و SDF و al-Bab.').map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['sdf', 'kweires-airbase', 'aleppo-countryside-east', 'sana', 'al-bab']));
  });
});

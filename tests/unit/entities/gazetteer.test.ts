import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../../lib/entities/data/gazetteer.schema.json';
import places from '../../../lib/entities/data/places.json';
import actors from '../../../lib/entities/data/actors.json';
import sources from '../../../lib/entities/data/sources.json';
import { ENTITIES, ancestors, entityById } from '../../../lib/entities';

describe('gazetteer data files', () => {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);
  for (const [name, file] of [['places', places], ['actors', actors], ['sources', sources]] as const) {
    it(`${name}.json follows gazetteer.schema.json`, () => {
      const ok = validate(file);
      expect(validate.errors ?? [], `${name}.json: ${ajv.errorsText(validate.errors)}`).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('the schema rejects an entry without coordinates or with an unknown source type', () => {
    expect(validate({ places: [{ id: 'x', kind: 'city', name: { ar: 'حلب', en: 'Aleppo' }, aliases: [] }] })).toBe(false);
    expect(validate({ sources: [{ id: 'x', kind: 'tv', sourceType: 'friendly', name: { ar: 'قناة', en: 'TV' }, aliases: [] }] })).toBe(false);
  });

  it('ids are unique and every parent and affiliation exists', () => {
    const ids = ENTITIES.map((e) => e.id);
    expect(ids.length).toBe(new Set(ids).size);
    for (const e of ENTITIES) {
      if (e.parent) expect(entityById(e.parent), `${e.id}.parent ${e.parent}`).toBeDefined();
      if (e.affiliation) expect(entityById(e.affiliation), `${e.id}.affiliation ${e.affiliation}`).toBeDefined();
    }
  });

  it('places in Syria lie inside its bounding box', () => {
    for (const e of ENTITIES) {
      if (e.type !== 'place' || !ancestors(e.id).some((a) => a.id === 'syria') || e.kind === 'region') continue;
      const [lat, lon] = e.coords!;
      expect(lat, e.id).toBeGreaterThan(32.2);
      expect(lat, e.id).toBeLessThan(37.4);
      expect(lon, e.id).toBeGreaterThan(35.5);
      expect(lon, e.id).toBeLessThan(42.5);
    }
  });

  it('gives kind, parent, coordinates and Latin aliases for a place', () => {
    const k = entityById('kweires-airbase')!;
    expect(k).toMatchObject({ type: 'place', kind: 'airport', parent: 'aleppo-gov' });
    expect(k.coords![0]).toBeCloseTo(36.19, 1);
    expect(k.aliases).toEqual(expect.arrayContaining(['Kuweires', 'Kweires', 'Kuwayris']));
    expect(ancestors('kweires-airbase').map((e) => e.id)).toEqual(['kweires-airbase', 'aleppo-gov', 'syria']);
  });

  it('derives directional countryside regions under their governorate', () => {
    expect(entityById('aleppo-countryside-east')).toMatchObject({ kind: 'countryside', parent: 'aleppo-countryside' });
    expect(entityById('aleppo-countryside')).toMatchObject({ parent: 'aleppo-gov' });
    expect(entityById('damascus-countryside-west')).toMatchObject({ parent: 'rif-dimashq-gov' });
  });

  it('types every source', () => {
    expect(entityById('amaq')).toMatchObject({ sourceType: 'jihadist-media', affiliation: 'islamic-state' });
    expect(entityById('sana')?.sourceType).toBe('state-media');
    expect(entityById('sohr')?.sourceType).toBe('ngo');
    expect(entityById('field-sources')?.sourceType).toBe('unnamed');
    expect(entityById('al-mayadeen')).toMatchObject({ sourceType: 'pro-regime-media', affiliation: 'iran' });
    for (const e of ENTITIES.filter((x) => x.type === 'source')) expect(e.sourceType, e.id).toBeTruthy();
  });
});

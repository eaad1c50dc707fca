// The gazetteer: places, actors and news sources from the data files, plus the countryside
// regions derived from them ("ريف حلب الشرقي"), indexed by id.
import placesFile from './data/places.json';
import actorsFile from './data/actors.json';
import sourcesFile from './data/sources.json';
import { aliasText, computeNamesTable, GENERATED, namesSource, sameSource, surnamesOf, type NamesTable } from './names';
import type { AliasSpec, Entity, SourceType } from './types';

type RawEntity = Omit<Entity, 'type'>;

// Direction adjectives as used after "ريف X", the same direction before the city's name
// ("شرقي دير الزور": its eastern countryside), with a small shift of the city's coordinates
// (degrees) to place the derived region roughly.
const DIRECTIONS: Array<[key: string, ar: string, before: string, en: string, dLat: number, dLon: number]> = [
  ['ne', 'الشمالي الشرقي', 'شمال شرقي', 'northeastern', 0.2, 0.25],
  ['nw', 'الشمالي الغربي', 'شمال غربي', 'northwestern', 0.2, -0.12],
  ['se', 'الجنوبي الشرقي', 'جنوب شرقي', 'southeastern', -0.2, 0.25],
  ['sw', 'الجنوبي الغربي', 'جنوب غربي', 'southwestern', -0.2, -0.12],
  ['north', 'الشمالي', 'شمالي', 'northern', 0.25, 0],
  ['south', 'الجنوبي', 'جنوبي', 'southern', -0.25, 0],
  ['east', 'الشرقي', 'شرقي', 'eastern', 0, 0.3],
  ['west', 'الغربي', 'غربي', 'western', 0, -0.15],
];

// Governorate capitals whose countryside the news names with directions, and the adjective of
// the city ("الريف الحلبي الشرقي"). Damascus's countryside is its own governorate.
const CAPITALS: Record<string, { gov: string; adj?: string; countryside?: string }> = {
  damascus: { gov: 'rif-dimashq-gov', countryside: 'rif-dimashq-gov', adj: 'الدمشقي' },
  aleppo: { gov: 'aleppo-gov', adj: 'الحلبي' },
  idlib: { gov: 'idlib-gov', adj: 'الإدلبي' },
  hama: { gov: 'hama-gov', adj: 'الحموي' },
  homs: { gov: 'homs-gov', adj: 'الحمصي' },
  latakia: { gov: 'latakia-gov', adj: 'اللاذقاني' },
  tartus: { gov: 'tartus-gov', adj: 'الطرطوسي' },
  'deir-ez-zor': { gov: 'deir-ez-zor-gov', adj: 'الديري' },
  raqqa: { gov: 'raqqa-gov', adj: 'الرقاوي' },
  hasakah: { gov: 'hasakah-gov' },
  daraa: { gov: 'daraa-gov', adj: 'الدرعاوي' },
  suwayda: { gov: 'suwayda-gov' },
  quneitra: { gov: 'quneitra-gov' },
};

function names(e: RawEntity): string[] {
  return [e.name.ar, ...e.aliases.filter((a): a is string => typeof a === 'string' && /[\u0621-\u064A]/.test(a))];
}

/** "ريف X" regions for every city and town, with the eight directions around governorate capitals. */
function countryside(places: RawEntity[]): RawEntity[] {
  const out: RawEntity[] = [];
  for (const p of places) {
    if (p.kind !== 'city' && p.kind !== 'town') continue;
    const cap = CAPITALS[p.id];
    // Only the plain name of the place, without "مدينة": "ريف مدينة حلب" is not said.
    const plain = names(p).filter((n) => !/^(مدينة|بلدة|العاصمة)\s/.test(n));
    let base = cap?.countryside;
    if (!base) {
      base = `${p.id}-countryside`;
      const aliases: AliasSpec[] = plain.flatMap((n) => [`ريف ${n}`, `أرياف ${n}`, `ريف محافظة ${n}`]);
      if (cap?.adj) aliases.push(`الريف ${cap.adj}`);
      out.push({
        id: base,
        kind: 'countryside',
        parent: cap?.gov ?? p.parent,
        name: { ar: `ريف ${p.name.ar}`, en: `${p.name.en} countryside` },
        coords: p.coords,
        approx: true,
        aliases: [...aliases, `${p.name.en} countryside`, `rural ${p.name.en}`],
      });
    }
    if (!cap) continue;
    for (const [key, ar, before, en, dLat, dLon] of DIRECTIONS) {
      const aliases: AliasSpec[] = plain.flatMap((n) => [`ريف ${n} ${ar}`, `ريف محافظة ${n} ${ar}`, `${before} ${n}`]);
      if (cap.adj) aliases.push(`الريف ${cap.adj} ${ar}`);
      out.push({
        id: `${p.id}-countryside-${key}`,
        kind: 'countryside',
        parent: base,
        name: { ar: `ريف ${p.name.ar} ${ar}`, en: `${en} ${p.name.en} countryside` },
        coords: p.coords && [Math.round((p.coords[0] + dLat) * 1000) / 1000, Math.round((p.coords[1] + dLon) * 1000) / 1000],
        approx: true,
        aliases: [...aliases, `${en} ${p.name.en} countryside`, `${en} rural ${p.name.en}`],
      });
    }
  }
  return out;
}

// The raw gazetteer: the data files and the derived countryside regions.
const RAW: RawEntity[] = (() => {
  const places = placesFile.places as unknown as RawEntity[];
  return [
    ...[...places, ...countryside(places)].map((e): Entity => ({ ...e, type: 'place' })),
    ...(actorsFile.actors as unknown as RawEntity[]).map((e): Entity => ({ ...e, type: 'actor' })),
    ...(sourcesFile.sources as unknown as RawEntity[]).map((e): Entity => ({ ...e, type: 'source', sourceType: e.sourceType as SourceType })),
  ];
})();

/**
 * Whether the generated table (names.ts) was computed from these data: then the persons'
 * surnames and the matcher's names are read from it, else computed (finding the surnames
 * normalises every name; a worker that has just started should not have to).
 */
export const GENERATED_IS_CURRENT = !!GENERATED.source && sameSource(GENERATED.source, namesSource(RAW));

function build(): Entity[] {
  const surnames = GENERATED_IS_CURRENT ? GENERATED.surnames : surnamesOf(RAW);
  return RAW.map((e) => {
    const surname = Object.hasOwn(surnames, e.id) ? surnames[e.id] : undefined;
    return (surname ? { ...e, aliases: [...e.aliases, { text: surname, context: e.id }] } : e) as Entity;
  });
}

export const ENTITIES: readonly Entity[] = build();
const BY_ID = new Map(ENTITIES.map((e) => [e.id, e]));

/** The entity with this id (kind, parent, coordinates, aliases, source type...), or undefined. */
export function entityById(id: string): Entity | undefined {
  return BY_ID.get(id);
}

const CHAINS = new Map<string, readonly Entity[]>();

/** The entity and its parents, nearest first (a village, its governorate, Syria). Shared: do not change it. */
export function ancestors(id: string): readonly Entity[] {
  let out = CHAINS.get(id);
  if (out) return out;
  const chain: Entity[] = [];
  const seen = new Set<string>();
  for (let e = BY_ID.get(id); e && !seen.has(e.id); e = e.parent ? BY_ID.get(e.parent) : undefined) {
    seen.add(e.id);
    chain.push(e);
  }
  out = Object.freeze(chain);
  // Unknown ids are not kept: the map holds at most one chain per gazetteer entity.
  if (chain.length) CHAINS.set(id, out);
  return out;
}

/** The governorate a governorate capital gives its name to (Hasakah → Hasakah governorate). */
export function governorateOf(cityId: string): Entity | undefined {
  const gov = CAPITALS[cityId]?.gov;
  return gov ? BY_ID.get(gov) : undefined;
}

export { aliasText };

/** The generated table of names as these data give it (scripts/gazetteer-names.ts). */
export function currentNamesTable(): NamesTable {
  return computeNamesTable(namesSource(RAW), surnamesOf(RAW), ENTITIES);
}

// Where the event happened: the most specific place the title and lede name (a village over its
// district, a district over its governorate), with the places it lies in. A country, a
// governorate, a governorate's capital or a wide region is "generic": two reports naming only
// Damascus and Aleppo are not thereby about one event.
import { aliasText, ancestors, ENTITIES, entityById } from '../entities';
import { governorateOf } from '../entities/gazetteer';
import type { EntityMatch } from '../entities';
import type { EventPlace } from './types';

const WIDE_REGIONS = new Set(['badia', 'coast', 'jazira', 'houran', 'ghouta', 'golan', 'qalamoun', 'lebanon-border', 'turkey-border', 'iraq-border', 'jordan-border', 'bekaa', 'suwayda-badia']);

/** How much a place of this kind narrows down where an event happened (0 a country … 4 a village). */
function specificity(id: string): number {
  const e = entityById(id);
  if (!e) return 0;
  switch (e.kind) {
    case 'country':
      return 0;
    case 'governorate':
      return 1;
    case 'city':
      return governorateOf(e.id) ? 1 : 2.5;
    case 'region':
    case 'countryside':
      return WIDE_REGIONS.has(e.id) || e.kind === 'countryside' ? 1 : 2;
    case 'district':
      return 2;
    case 'town':
      return 3;
    default:
      return 4;
  }
}

export function isGeneric(id: string): boolean {
  return specificity(id) <= 1;
}

/**
 * The governorate a place lies in (itself for a governorate; null for a country or a place abroad),
 * with Damascus and its countryside as one: "دمشق" names the capital's suburbs as often as the city.
 */
export function areaOf(id: string): string | null {
  const gov = governorateOf(id)?.id ?? ancestors(id).find((a) => a.kind === 'governorate')?.id ?? null;
  return gov === 'damascus-gov' ? 'rif-dimashq-gov' : gov;
}

const BEARINGS: Record<string, number> = { north: 0, ne: 45, east: 90, se: 135, south: 180, sw: 225, west: 270, nw: 315 };
/** How far a town's bearing from the capital may be from the region's direction ("eastern" takes in the north-east). */
const SECTOR = 67.5;
/** How far from a town its countryside ("ريف منبج") reaches, in km. */
const TOWN_COUNTRYSIDE_KM = 20;

function distanceKm(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0]! - a[0]!) * rad;
  const dLon = (b[1]! - a[1]!) * rad * Math.cos(((a[0]! + b[0]!) / 2) * rad);
  return 6371 * Math.hypot(dLat, dLon);
}

/**
 * Whether a place lies in a countryside region named after a city ("ريف دير الزور الشرقي",
 * "ريف منبج"): the region's own hierarchy does not list the towns in it, their coordinates do —
 * a town of the capital's governorate in the region's direction from the capital, or a place
 * within a few km of the town whose countryside it is.
 */
export function liesWithin(placeId: string, regionId: string): boolean {
  const region = entityById(regionId);
  const place = entityById(placeId);
  if (!region || !place || region.kind !== 'countryside' || !place.coords || place.kind === 'countryside') return false;
  const m = /^(.+)-countryside(?:-(north|south|east|west|ne|nw|se|sw))?$/.exec(regionId);
  const city = m ? entityById(m[1]!) : undefined;
  if (!m || !city?.coords) return false;
  const gov = governorateOf(city.id);
  if (!gov) return distanceKm(city.coords, place.coords) <= TOWN_COUNTRYSIDE_KM;
  if (areaOf(placeId) !== areaOf(gov.id) || placeId === city.id) return false;
  return m[2] ? inDirection(place.coords, city.coords, m[2]) : true;
}

function inDirection(at: readonly number[], from: readonly number[] | undefined, dir: string): boolean {
  const want = BEARINGS[dir];
  if (!from || want === undefined) return false;
  const bearing = (Math.atan2((at[1]! - from[1]!) * Math.cos((from[0]! * Math.PI) / 180), at[0]! - from[0]!) * 180) / Math.PI;
  const diff = Math.abs((((bearing - want) % 360) + 540) % 360 - 180);
  return diff <= SECTOR;
}

export function placeOf(id: string): EventPlace | null {
  const e = entityById(id);
  if (!e || e.type !== 'place') return null;
  return { id, name: e.name.ar, kind: e.kind, chain: ancestors(id).map((a) => a.id), generic: isGeneric(id) };
}

interface Named {
  id: string;
  start: number;
}

/**
 * The event's place among the places named (`titleEnd` is where the title ends): the title is
 * read first, then the first sentence, then the rest of the lede, and the first of these that
 * names a specific place gives it (its most specific one, the first on a tie): a place the lede
 * only mentions in passing ("like last year in Jasim") does not outrank the title's.
 */
export function pickPlace(named: readonly Named[], titleEnd: number): EventPlace | null {
  const tiers = [titleEnd, titleEnd + FIRST_SENTENCE, Infinity];
  let widest: Named[] = [];
  for (const end of tiers) {
    const inTier = named.filter((n) => n.start < end);
    widest = inTier;
    const specific = inTier.filter((n) => !isGeneric(n.id));
    if (specific.length) return placeOf(mostSpecific(specific).id);
  }
  return widest.length ? placeOf(mostSpecific(widest).id) : null;
}

const FIRST_SENTENCE = 200;

function mostSpecific(named: readonly Named[]): Named {
  let best = named[0]!;
  for (const n of named) if (specificity(n.id) > specificity(best.id)) best = n;
  return best;
}

export function placesOf(matches: readonly EntityMatch[]): Named[] {
  return matches.filter((m) => m.type === 'place').map((m) => ({ id: m.id, start: m.start }));
}

// English names of places (FA-KES and other English reports): the gazetteer's English name and
// its Latin-script aliases, longest first, whole words only.
let EN: { re: RegExp; ids: Map<string, string> } | null = null;

function english(): { re: RegExp; ids: Map<string, string> } {
  if (EN) return EN;
  const ids = new Map<string, string>();
  const names2 = new Set<string>();
  for (const e of ENTITIES) {
    if (e.type !== 'place') continue;
    const names = [e.name.en, ...e.aliases.map(aliasText)].filter((n) => /^[A-Za-z][A-Za-z' -]+$/.test(n) && n.length >= 4);
    for (const n of names) {
      const k = n.toLowerCase().replace(/^(?:al|el|ar|as|ad|ash|ath|at|az)[- ]/, '');
      if (!ids.has(key(k))) ids.set(key(k), e.id);
      names2.add(k);
    }
  }
  const alt = [...names2].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- ]?'));
  EN = { re: new RegExp(`\\b(?:(?:al|el|ar|as|ad|ash|ath|at|az)[- ])?(${alt.join('|')})\\b`, 'gi'), ids };
  return EN;
}

const key = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

/** Whether `name` is a gazetteer place's English name as englishPlaces reads it (an article before it or not). */
export function isEnglishName(name: string): boolean {
  return english().ids.has(key(name.toLowerCase().replace(/^(?:al|el|ar|as|ad|ash|ath|at|az)[- ]/, '')));
}

// Not a place of the event: a dateline in capitals ("BEIRUT Air strikes on …", left inside the text
// when the page was flattened), and the capital for the government ("its Damascus ally",
// "Damascus denied", "the Damascus government").
const CAPITAL_AS_STATE = 'damascus';
const STATE_AFTER = /^\s*(?:['’]s\s+)?(?:ally|allies|government|regime|authorities|officials|denied|denies|said|says|has|have|had|blamed|blames|accused|accuses|insists|insisted|rejected|rejects|claimed|claims|announced|agreed|wants|backed)\b/i;
const STATE_BEFORE = /\b(?:its|their|moscow['’]?s|russia['’]?s|tehran['’]?s|iran['’]?s|backs|backing|backed|supports|support\s+for|ally)\s+$/i;

// A word many place names start with ("Tall Tawil", "Bab Amr", "Ain Issa", "Deir Hafer"), some of
// which is also a town of its own (al-Tall, al-Bab). Written bare before another name it is the
// first word of that other place's name — a village the gazetteer may not know, in another
// governorate — not the town; the town is written with its article ("al-Tall", "al-Bab") or alone
// ("in Tall, north of Damascus"). Read bare it is capitalised ("a tall building" is no town).
// Not Abu and Umm: before a name they are as often a person's ("Abu Leith", "Umm Ahmad").
const PLACE_WORDS = new Set(['tall', 'tal', 'tel', 'tell', 'bab', 'ain', 'ein', 'deir', 'dayr', 'kafr', 'kfar', 'jisr', 'ras', 'khan', 'maarat', 'beit', 'jabal', 'jebel', 'bir', 'khirbet', 'qasr', 'wadi']);
/** Capitalised words after a place word that are not a name ("in Tall On Monday", "Tall City"). */
const NOT_A_NAME = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|City|Town|Village|Province|Governorate|District|Countryside|Area|Region|On|In|At|And|The|Of)\b/;
const NAME_AFTER = /^[- ](?:(?:al|el|ar|as|ad|ash|ath|at|az)-)?[A-Z][a-z'’]/;
/** An article written as a word of its own ("Deir El Zor", "Deir Ez Zour"): the name goes on after it. */
const ARTICLE_WORD = /^(?:al|el|ar|as|ad|ash|ath|at|az|ez|ed|es|er|an|en)$/i;

/** Whether `word` is an article written as a word of its own. */
export function isArticleWord(word: string): boolean {
  return ARTICLE_WORD.test(word);
}

/** Whether `word`, written bare, is a word place names start with (Tall, Bab, Ain, Deir, Kafr …). */
export function isPlaceWord(word: string): boolean {
  return PLACE_WORDS.has(word.toLowerCase());
}

/** Whether a place word written bare is followed by a name, whose first word it then is ("Tall| Tawil"). */
export function nameFollows(after: string): boolean {
  return NAME_AFTER.test(after) && !NOT_A_NAME.test(after.slice(1).replace(/^(?:al|el|ar|as|ad|ash|ath|at|az)-/, ''));
}

/** Places named in English text. */
export function englishPlaces(text: string): Named[] {
  const { re, ids } = english();
  const out: Named[] = [];
  for (const m of text.matchAll(re)) {
    const id = ids.get(key(m[1]!));
    if (!id) continue;
    if (m[0].length >= 4 && m[0] === m[0].toUpperCase()) continue;
    const end = m.index! + m[0].length;
    const bare = m[0].length === m[1]!.length;
    if (bare && isPlaceWord(m[1]!) && (!/^[A-Z]/.test(m[1]!) || nameFollows(text.slice(end, end + 40)))) continue;
    if (id === CAPITAL_AS_STATE && (STATE_AFTER.test(text.slice(end, end + 30)) || STATE_BEFORE.test(text.slice(Math.max(0, m.index! - 20), m.index!)))) continue;
    out.push({ id, start: m.index! });
  }
  return out;
}

// The region a text is about, to pick among places one name is shared by (المالكية: the city of
// al-Hasakah or the village near Azaz; حي الميدان: Damascus's or Aleppo's).
import { sentenceEnds } from '../arabic/sentences';
import { ancestors, entityById, governorateOf } from './gazetteer';
import type { Entity } from './types';

/**
 * Of places one name is shared by, the larger is meant where the text says nothing of either's
 * region (المالكية: the city of al-Hasakah, Derik, not the village near Azaz; the order of the
 * gazetteer decided before). A fraction, below any count of context.
 */
const SIZE: Partial<Record<string, number>> = { governorate: 0.04, city: 0.03, town: 0.02, district: 0.02 };
const sizeOf = (kind: string): number => SIZE[kind] ?? 0.01;

/**
 * A governorate or a governorate's capital: the region of a place of a shared name only where the
 * text names it in the same sentence ("المالكية في محافظة حلب"). Named elsewhere ("in Aleppo and
 * Damascus" of a background sentence) it weighs WIDE, less than any gap of SIZE: it breaks a tie
 * of places of one size (two neighbourhoods called حي الميدان), it does not make the city of
 * المالكية the village near Azaz.
 */
const WIDE = 0.005;
const isWide = (id: string): boolean => entityById(id)?.kind === 'governorate' || !!governorateOf(id);
/** The sentence (its index) that the offset `at` lies in, given where the sentences end (sorted). */
function sentenceOf(ends: readonly number[], at: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An entity's chain as ids: all of them, those below Syria, and those as a set. */
interface ChainIds {
  named: readonly string[];
  ids: readonly string[];
  set: ReadonlySet<string>;
}
const CHAIN_IDS = new Map<string, ChainIds>();

/** chainIds(id), made once an entity (the gazetteer's, as ancestors() keeps them): a region adds
 *  each entity a text names, twice a report an import analyses. */
function chainIds(id: string): ChainIds {
  let out = CHAIN_IDS.get(id);
  if (out) return out;
  const chain = ancestors(id);
  const named = chain.map((a) => a.id);
  const ids = named.filter((x) => x !== 'syria');
  out = { named, ids, set: new Set(ids) };
  if (chain.length) CHAIN_IDS.set(id, out);
  return out;
}

/** The places a text names with one reading: whole counts from its specific places, its wide ones by sentence. */
export class TextRegion {
  /** Every place named and the places above it (a name that needs its governorate named reads it here). */
  readonly named = new Set<string>();
  /** Place id → how many specific places named lie in it (themselves included). */
  private readonly counts = new Map<string, number>();
  /** Wide places named: each the ids of its chain and its sentence. */
  private readonly wide: Array<{ ids: ReadonlySet<string>; sentence: number }> = [];
  private ends: number[] | null = null;

  constructor(private readonly text: string) {}

  private sentence(at: number): number {
    // A wide place's reach is its sentence, told as claims tell them (not cut at 9.5, "د." or www.…).
    this.ends ??= sentenceEnds(this.text);
    return sentenceOf(this.ends, at);
  }

  /** An entity the text names with one reading, at offset `at`. */
  add(entity: Entity, at: number): void {
    const { named, ids, set } = chainIds(entity.id);
    for (const id of named) this.named.add(id);
    if (entity.type === 'place' && isWide(entity.id)) this.wide.push({ ids: set, sentence: this.sentence(at) });
    else for (const id of ids) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  /**
   * How much the region of `entity`, a reading of a name at offset `at`, is the text's: whole
   * counts of context, and (`places`: all readings are places) its size to break their ties. A
   * neighbourhood's region is its city: a town of the same governorate's countryside says nothing
   * of which city's حي الميدان is meant.
   */
  score(entity: Entity, at: number, places: boolean): number {
    const chain = ancestors(entity.id);
    const city = entity.kind === 'neighbourhood' ? chain.findIndex((a) => a.kind === 'city') : -1;
    const top = city > 0 ? city + 1 : chain.length;
    const sentence = this.wide.length ? this.sentence(at) : -1;
    let score = 0;
    let elsewhere = false;
    for (let i = 1; i < top; i++) {
      const id = chain[i]!.id;
      score += this.counts.get(id) ?? 0;
      for (const w of this.wide) {
        if (!w.ids.has(id)) continue;
        if (w.sentence === sentence) score += 1;
        else elsewhere = true;
      }
    }
    return score + (elsewhere ? WIDE : 0) + (places ? sizeOf(entity.kind) : 0);
  }
}

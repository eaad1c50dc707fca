// Who fought: the sides a report's actors fight on. Two reports of one enemy's losses, one
// telling the army's battle with it and the other the Kurdish forces' (ISIL's 30 dead at Qassiab
// against the army's 70 near Qamishli), tell two battles; reports that differ only in naming more
// of one side, or none, do not. Allies that fight together and that outlets blame in one breath
// ("Syrian regime or Russian air strikes") are one side.
import { ancestors } from '../entities';

/** The side of each actor at the root of its chain (a division → regime forces → the Assad regime). */
const SIDES: Readonly<Record<string, string>> = {
  'assad-regime': 'state',
  'syrian-government': 'state',
  russia: 'state',
  iran: 'state',
  'islamic-state': 'is',
  sdf: 'kurds',
  pkk: 'kurds',
  coalition: 'us',
  usa: 'us',
  turkey: 'turkey',
  opposition: 'opposition',
  hts: 'opposition',
  'al-qaeda': 'opposition',
  'hurras-al-din': 'opposition',
  'jund-al-aqsa': 'opposition',
  'turkistan-party': 'opposition',
  israel: 'israel',
};

/** Kinds of actor that fight (not a ministry, a person, a party, an agency of the state). */
const FIGHTING = new Set(['regime', 'state', 'state-forces', 'armed-group', 'jihadist-group', 'militia', 'coalition']);

/** The sides the actors fight on (sorted; none for actors that do not fight). */
export function sidesOf(actors: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of actors) {
    const chain = ancestors(id);
    if (!chain.length || !FIGHTING.has(String(chain[0]!.kind))) continue;
    const side = chain.map((e) => SIDES[e.id]).find((s) => s !== undefined);
    if (side) out.add(side);
  }
  return [...out].sort();
}

/**
 * The sides a report names as parties: the fighting ones, and the state's for the government
 * named ("Syrian government air strikes"), which sidesOf leaves out as a speaker's name ("Damascus
 * said"). Read only for a class of two incidents (ceilings.ts `oneSideTwoIncidents`), not weighed.
 */
export function sidesNamed(actors: readonly string[]): string[] {
  const sides = sidesOf(actors);
  return actors.includes('syrian-government') && !sides.includes('state') ? [...sides, 'state'].sort() : sides;
}

/** The sides of each list of actors sidesApart was asked of (a signature's, never changed once
 *  made): worked out once a report, not twice a pair of every pool it is judged in. */
const KEPT_SIDES = new WeakMap<readonly string[], readonly string[]>();

function keptSides(actors: readonly string[]): readonly string[] {
  let out = KEPT_SIDES.get(actors);
  if (!out) KEPT_SIDES.set(actors, (out = sidesOf(actors)));
  return out;
}

/** Whether `a` holds a side `b` does not. */
function sideBeyond(a: readonly string[], b: readonly string[]): boolean {
  for (const s of a) if (!b.includes(s)) return true;
  return false;
}

/** Each report names a side that fought that the other never names: two battles, not one. */
export function sidesApart(a: readonly string[], b: readonly string[]): number {
  const sa = keptSides(a);
  const sb = keptSides(b);
  return sideBeyond(sa, sb) && sideBeyond(sb, sa) ? 1 : 0;
}

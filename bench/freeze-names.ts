// `npx tsx bench/freeze-names.ts`: writes bench/data/synth-names.json, the places and actors the
// synthetic corpora (bench/synth.ts) tell events about, taken from the gazetteer as it is now, and
// the digest of the background prose's source. The generator reads that frozen list, never the
// live gazetteer, so that a gazetteer change (120 towns added in 4817eeb reshuffled every corpus)
// does not change the benchmark's corpus: recall figures of two rounds compare on one corpus.
// Run it only to start a new series of comparable figures, and say so in bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasText, ENTITIES, type Entity } from '../lib/entities';
import { BACKGROUND_FILE, fileDigest } from './synth-names';

function arabicNames(e: Entity): string[] {
  const names = [e.name.ar, ...e.aliases.map(aliasText)].filter((n) => /[\u0600-\u06FF]/.test(n));
  return [...new Set(names)];
}

const PLACE_KINDS = new Set(['village', 'town', 'city', 'airport', 'neighbourhood', 'camp', 'crossing', 'base', 'prison', 'dam', 'field']);
const commit = process.env.FREEZE_COMMIT ?? execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const frozen = {
  description:
    "Names the synthetic benchmark corpora draw events' places and actors from (bench/synth.ts): each entry one place or actor, all its Arabic names. Frozen so that corpora stay the same when the gazetteer changes.",
  provenance: `Written by bench/freeze-names.ts from the gazetteer (lib/entities/data/places.json, actors.json, opensyria-towns.json: the project's own data and OpenSyria data-geography, CC BY 4.0, see lib/entities/README.md) at commit ${commit}: places of kinds ${[...PLACE_KINDS].join(', ')}; actors other than persons.`,
  background: { file: BACKGROUND_FILE, sha256: fileDigest(BACKGROUND_FILE) },
  places: ENTITIES.filter((e) => e.type === 'place' && PLACE_KINDS.has(e.kind)).map(arabicNames).filter((n) => n.length > 0),
  actors: ENTITIES.filter((e) => e.type === 'actor' && e.kind !== 'person').map(arabicNames).filter((n) => n.length > 0),
};
// One place or actor a line: a later freeze shows as the lines it changed.
const lines = (list: string[][]) => list.map((n) => `  ${JSON.stringify(n)}`).join(',\n');
const head = JSON.stringify({ description: frozen.description, provenance: frozen.provenance, background: frozen.background }, null, 1).slice(0, -2);
writeFileSync(join(import.meta.dirname, 'data', 'synth-names.json'), `${head},\n "places": [\n${lines(frozen.places)}\n ],\n "actors": [\n${lines(frozen.actors)}\n ]\n}\n`);
process.stderr.write(`${frozen.places.length} places, ${frozen.actors.length} actors (commit ${commit})\n`);

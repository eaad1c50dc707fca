import { matchEntities } from '../entities/match';
import type { EntityMatch } from '../entities/types';
import { attributions } from './attribution';
import type { Claim } from './claim-types';
import { framing, type FramingCue } from './framing';
import { namingTerms, type NamingUse } from './naming';

export interface Analysis {
  entities: EntityMatch[];
  claims: Claim[];
  framing: FramingCue[];
  naming: NamingUse[];
}

export interface AnalyseOptions {
  /** Publication day (YYYY-MM-DD…): some names changed meaning on 8 Dec 2024. */
  date?: string | null;
}

/** Entities, attributed claims, framing cues and actor names of one text; offsets into `text`. */
export function analyse(text: string, opts: AnalyseOptions = {}): Analysis {
  const entities = matchEntities(text, { date: opts.date });
  return {
    entities,
    claims: attributions(text, { matches: entities }),
    framing: framing(text, { matches: entities }),
    naming: namingTerms(text, { matches: entities }),
  };
}

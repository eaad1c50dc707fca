// The text analysis the comparison uses: entities and naming (lib/entities), attributions and
// framing (lib/claims). PLACEHOLDER until those land on main.
import type { Analysis } from './types';

export function analyseReport(_text: string): Analysis {
  return { naming: [], frames: [], attributions: [] };
}

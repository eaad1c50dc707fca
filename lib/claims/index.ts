// Who said what: attribution, framing and naming over Arabic news text (sentences: lib/arabic).
export { attributions } from './attribution';
export type { ClaimSourceType } from './claim-types';
export { framing, type Frame } from './framing';
export { namingTerms, namingSummary, registerOf, REGISTERS } from './naming';
export { analyse, type Analysis } from './analyse';

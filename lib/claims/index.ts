// Who said what: sentences, attribution, framing and naming over Arabic news text.
export { splitSentences, type Sentence } from './sentences';
export { attributions, type Claim, type Attribution, type ClaimSourceType, type AttributionOptions } from './attribution';
export { framing, type FramingCue, type Frame, type FramingOptions } from './framing';
export { namingTerms, namingSummary, registerOf, REGISTERS, type NamingUse, type Register } from './naming';
export { analyse, type Analysis, type AnalyseOptions } from './analyse';

export { eventSignature, LEDE_CHARS } from './signature';
export { eventDocFromWire, eventDocToWire, type EventDocWire } from './wire';
export { countsAgree, countsConflict } from './numbers';
export { eventDoc, judge, pairFeatures, probabilityOf, EVENT_DAYS, FEATURES, MODEL, type EventDoc, type EventRelation, type Judgement, type Model } from './pair';
export { lexicalSimilarity, termVector, idfOf, type CorpusDf, type TermVector } from './lexical';
export { dayNumber, isoDay } from './day';
export type { EventSignature, EventType, EventPlace, EventWhen, EventNumbers } from './types';
export { EVENT_TYPES } from './types';

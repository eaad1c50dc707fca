export { eventSignature, LEDE_CHARS } from './signature';
export { eventDocFromWire, eventDocToWire, type EventDocWire } from './wire';
export { countsAgree, countsConflict } from './numbers';
export { eventDoc, judge, EVENT_DAYS, MODEL, type EventDoc } from './pair';
export { judgeAmong } from './judge-among';
export { lexicalSimilarity, termVector, type CorpusDf } from './lexical';
export { dayNumber, isoDay } from './day';
export type { EventSignature } from './types';
export { EVENT_TYPES } from './types';

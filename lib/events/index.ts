export { eventSignature } from './signature';
export { eventDocFromWire, eventDocToWire, type EventDocWire } from './wire';
export { countsAgree, countsConflict, eventDoc, judge, EVENT_DAYS, type EventDoc } from './pair';
export { lexicalSimilarity, termVector, type CorpusDf } from './lexical';
export { dayNumber, isoDay } from './day';
export type { EventSignature } from './types';

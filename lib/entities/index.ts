// Places, actors and news sources of Syrian news: the gazetteer and its matcher.
export { matchEntities } from './match';
export { ENTITIES, entityById, ancestors, aliasText } from './gazetteer';
export type { Entity, EntityMatch } from './types';

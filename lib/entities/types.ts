import type { Token } from '../arabic/tokenize';

export type EntityType = 'place' | 'actor' | 'source';

type PlaceKind =
  | 'country' | 'governorate' | 'region' | 'countryside' | 'city' | 'town' | 'village' | 'neighbourhood' | 'district'
  | 'camp' | 'airport' | 'base' | 'road' | 'crossing' | 'dam' | 'field' | 'prison' | 'landmark' | 'mountain' | 'river';

type ActorKind =
  | 'regime' | 'government' | 'state' | 'state-forces' | 'security-agency' | 'armed-group' | 'jihadist-group'
  | 'militia' | 'coalition' | 'organisation' | 'party' | 'person';

type SourceKind = 'news-agency' | 'tv' | 'radio' | 'newspaper' | 'website' | 'media-office' | 'ministry' | 'ngo' | 'people' | 'platform';

/** How a news source stands: whose media it is, or what kind of unnamed voice. */
export type SourceType =
  | 'state-media' | 'pro-regime-media' | 'opposition-media' | 'jihadist-media' | 'kurdish-media' | 'independent-media'
  | 'international-media' | 'ngo' | 'official' | 'faction' | 'activists' | 'witnesses' | 'unnamed' | 'social-media';

/** One name as written in the gazetteer files (lib/entities/data/*.json, gazetteer.schema.json). */
export type AliasSpec = string | { text: string; weak?: boolean; from?: string; until?: string; context?: string; after?: 'place' };

export interface Entity {
  id: string;
  type: EntityType;
  kind: PlaceKind | ActorKind | SourceKind;
  name: { ar: string; en: string };
  /** Places: the place it lies in; actors: the actor it belongs to (regime forces → Assad regime). */
  parent?: string;
  /** Places: [latitude, longitude]. */
  coords?: [number, number];
  /** Coordinates only roughly right (a few km). */
  approx?: boolean;
  /** Sources only. */
  sourceType?: SourceType;
  /** Sources: the actor the outlet belongs to or speaks for (Amaq → islamic-state). */
  affiliation?: string;
  aliases: AliasSpec[];
}

/** An entity named in a text. Offsets are UTF-16 offsets into the original, un-normalised text. */
export interface EntityMatch {
  id: string;
  type: EntityType;
  /** The entity's Arabic name (canonical), not the words matched. */
  name: string;
  start: number;
  end: number;
  /** The gazetteer name that matched, as written in the gazetteer (the naming term). */
  alias: string;
  /** Other entities the same words could name, when the context picked this one. */
  alternatives?: string[];
}

export interface MatchOptions {
  /** Day the text was published (YYYY-MM-DD…): picks among names whose meaning changed in time. */
  date?: string | null;
  /** tokenize(text), when the caller has it already (the same text read for terms and claims). */
  tokens?: readonly Token[];
}

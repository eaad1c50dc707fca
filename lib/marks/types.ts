/** A range of the page's own words to mark: offsets into one extracted paragraph. */
export interface MarkSpec {
  paragraph: number;
  start: number;
  end: number;
  kind: 'place' | 'actor' | 'source' | 'claim';
  /** Entity id (places, actors, sources); carries no corpus data. */
  entity?: string;
  /** The gazetteer's Arabic name of the entity (public data, not the corpus): the card's heading
   *  until the card's data comes, in place of the page's inflected words ("بدمشق"). */
  name?: string;
}

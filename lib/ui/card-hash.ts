// What the content script tells the card page in its address's hash: the entity's id, what kind
// of mark it is and the page's own words of the mark, so that the card shows a name and a type at
// once, before the corpus has answered. All three are the page's own (it holds the mark); the
// corpus never travels this way. A framed card asks for its data by its run (ui:card), never by
// this id: the hash only says what to show until then, and when to ask again.
export type CardKind = 'place' | 'actor' | 'source';

export interface CardHash {
  id: string;
  kind: CardKind | null;
  /** The entity's gazetteer name (else the mark's words as the page writes them): a heading until
   *  the card's data comes. */
  words: string;
  /** The card sits above the mark: its content hangs from the bottom of the frame, next to it. */
  up: boolean;
  /** Which showing of the card this is: a new one asks again, even for the same entity. */
  n?: number;
}

export const MAX_WORDS = 80;

export function cardHash(h: CardHash): string {
  const p = new URLSearchParams({ id: h.id, words: h.words.replace(/\s+/g, ' ').trim().slice(0, MAX_WORDS) });
  if (h.kind) p.set('kind', h.kind);
  if (h.up) p.set('up', '1');
  if (h.n !== undefined) p.set('n', String(h.n));
  return p.toString();
}

export function parseCardHash(hash: string): CardHash {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const kind = p.get('kind');
  return {
    id: p.get('id') ?? '',
    kind: kind === 'place' || kind === 'actor' || kind === 'source' ? kind : null,
    words: (p.get('words') ?? '').slice(0, MAX_WORDS),
    up: p.get('up') === '1',
    n: Number(p.get('n')) || 0,
  };
}

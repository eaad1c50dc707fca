// Report rows as the ranking reads them: the columns of `reports` that make lib's DocRow.
import type { DocRow } from '../lib/engine/index-types';

/** The columns, numbers as float8 so both drivers return JavaScript numbers. */
export const DOC_COLUMNS = `r.n::float8 AS n, r.id, r.url, r.outlet, r.title, r.published_at, r.day, r.len, r.e, r.en, r.et, r.src,
  r.h0::float8 AS h0, r.h1::float8 AS h1, r.mh::float8[] AS mh, r.dup::float8 AS dup, r.imp, r.tk`;

export interface DocColumns {
  n: number;
  id: string;
  url: string;
  outlet: string;
  title: string;
  published_at: string | null;
  day: number | null;
  len: number;
  e: string[];
  en: string[];
  et: string[];
  src: string[];
  h0: number;
  h1: number;
  mh: number[];
  dup: number | null;
  imp: string;
  tk: string;
}

export function docRowOf(r: DocColumns): DocRow {
  return {
    n: r.n,
    id: r.id,
    url: r.url,
    outlet: r.outlet,
    title: r.title,
    publishedAt: r.published_at,
    day: r.day,
    len: r.len,
    e: r.e,
    en: r.en,
    et: r.et,
    src: r.src,
    h: [r.h0, r.h1],
    mh: r.mh,
    dup: r.dup,
    imp: r.imp,
    tk: r.tk,
  };
}

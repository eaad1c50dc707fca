// The Clippings tab's search and filters: Arabic matched after normalisation, filters combined.
import { describe, expect, it } from 'vitest';
import { clippingFacets, searchClippings } from '../../../lib/clippings/search';
import { fullClipping, shaamClipping } from './fixtures';

const orient = fullClipping();
const shaam = { ...shaamClipping(), createdAt: orient.createdAt + 1000 };
const all = [orient, shaam];
const ids = (q: Parameters<typeof searchClippings>[1]) => searchClippings(all, q).map((c) => c.id);

describe('searching clippings', () => {
  it('matches Arabic whatever the letter forms, diacritics and digits of the query', () => {
    expect(ids({ text: 'الميادين' })).toEqual([orient.id]);
    // أ/ا, ة/ه, tashkeel and tatweel in the query do not matter.
    expect(ids({ text: 'وَأفَادت قناه' })).toEqual([orient.id]);
    expect(ids({ text: 'القـــوريّة' })).toEqual([shaam.id]);
    expect(ids({ text: 'فرات بوست' })).toEqual([shaam.id]);
    expect(ids({ text: 'مؤسسه فرات' })).toEqual([shaam.id]);
    // Arabic-Indic digits in the query find Latin digits in the text, and the other way round.
    const counted = { ...shaam, id: 'k-digits', note: 'نزوح 2500 عائلة من ريف ٣٠ قرية' };
    expect(searchClippings([counted, orient], { text: '٢٥٠٠ عائله' }).map((c) => c.id)).toEqual(['k-digits']);
    expect(searchClippings([counted, orient], { text: '30 قريه' }).map((c) => c.id)).toEqual(['k-digits']);
  });

  it('searches notes, titles and tags too, all words required', () => {
    expect(ids({ text: 'SANA' })).toEqual([orient.id]);
    expect(ids({ text: 'سطر ثان' })).toEqual([shaam.id]);
    expect(ids({ text: 'الزور' })).toEqual([shaam.id]);
    expect(ids({ text: 'الميادين فرات' })).toEqual([]);
    expect(ids({ text: 'قوات الأسد' })).toEqual([shaam.id, orient.id]);
  });

  it('filters by outlet, tag, entity and date, newest capture first', () => {
    expect(ids({ outlet: 'shaam' })).toEqual([shaam.id]);
    expect(ids({ tag: 'كويرس' })).toEqual([orient.id]);
    expect(ids({ entityId: 'source:al-mayadeen' })).toEqual([orient.id]);
    expect(ids({ from: '2017-10-01', to: '2017-10-31' })).toEqual([shaam.id]);
    expect(ids({ from: '2017-10-23' })).toEqual([]);
    expect(ids({ from: '2025-11-13', to: '2025-11-13', dateField: 'createdAt' })).toEqual([shaam.id, orient.id]);
    expect(ids({ outlet: 'shaam', text: 'الميادين' })).toEqual([]);
  });

  it('offers the outlets, tags and entities present, with counts', () => {
    const f = clippingFacets(all);
    expect(f.outlets.map((o) => [o.value, o.count])).toEqual([['orient-news', 1], ['shaam', 1]]);
    expect(f.tags.map((t) => t.value).sort()).toEqual([...orient.tags, ...shaam.tags].sort());
    expect(f.entities).toEqual([
      { value: 'source:al-mayadeen', label: 'الميادين', count: 1 },
      { value: 'place:kuweires-airbase', label: 'مطار كويرس', count: 1 },
    ]);
  });
});

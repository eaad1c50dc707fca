// A report's event document as the team server keeps it: packed, it reads back as the document the
// client made (every word, count, title word and lede line, in the same order, so the event model
// sums them in the same order and judges a pair as the extension does).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/corpus/formats';
import { toReport } from '../../../lib/engine/index-store';
import { eventDoc, eventDocToWire, judge, type EventDoc } from '../../../lib/events';
import { eventDocToStore, packEventDoc, packForUpload, storeUploaded, unpackEventDoc } from '../../../server/event-pack';
import { Bag } from '../../../lib/events/bag';

const real = parseJsonLines('real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8')).records;
const docs = real.slice(0, 60).map((r) => {
  const rep = toReport(r, 'import', '');
  return eventDoc(rep.title, rep.text, rep.publishedAt, rep.outlet);
});
const ordered = (d: EventDoc) => ({ ...d, terms: { all: [...d.terms.all], title: [...d.terms.title], lines: [...d.terms.lines] } });

describe('event documents as stored', () => {
  it('read back as the document made, in order, with the outlet as stored', () => {
    for (const d of docs) {
      const back = unpackEventDoc(eventDocToStore(eventDocToWire(d)), 'Stored Outlet')!;
      expect(ordered(back)).toEqual(ordered({ ...d, outlet: 'Stored Outlet' }));
    }
  });

  it('judge every pair as the documents themselves do', () => {
    const back = docs.map((d) => unpackEventDoc(packEventDoc(d), d.outlet ?? '')!);
    for (let i = 0; i + 1 < docs.length; i++) expect(judge(back[i]!, back[i + 1]!)).toEqual(judge(docs[i]!, docs[i + 1]!));
  });

  it('take well under the wire form', () => {
    const packed = docs.reduce((s, d) => s + packEventDoc(d).length, 0);
    const wire = docs.reduce((s, d) => s + JSON.stringify(eventDocToWire(d)).length, 0);
    expect(packed).toBeLessThan(0.7 * wire);
  });

  it('read rows stored in the wire form (before packing) the same way', () => {
    const d = docs[3]!;
    expect(ordered(unpackEventDoc(JSON.stringify(eventDocToWire(d)), d.outlet ?? '')!)).toEqual(ordered(d));
  });

  it('keep a title or line word that is not among the counted words', () => {
    const d = docs[5]!;
    const odd: EventDoc = { ...d, terms: { ...d.terms, title: Bag.of([...d.terms.title, ['غريبة', 1]]), lines: new Map([...d.terms.lines, ['k', ['وحيدة', 'غريبة']]]) } };
    expect(ordered(unpackEventDoc(packEventDoc(odd), d.outlet ?? '')!)).toEqual(ordered(odd));
    expect(ordered(unpackEventDoc(storeUploaded(packForUpload(eventDocToWire(odd), []), []), d.outlet ?? '')!)).toEqual(ordered(odd));
  });

  it('uploaded with its words as indexes into the analysis terms, store the document sent', () => {
    for (const [k, d] of docs.entries()) {
      const wire = eventDocToWire(d);
      // Most words by index, a few (not in these terms) as themselves.
      const terms = [...d.terms.all.keys()].filter((_, i) => (i + k) % 5 !== 0).reverse();
      const sent = packForUpload(wire, terms);
      expect(sent.w.some((x) => typeof x === 'number')).toBe(true);
      expect(ordered(unpackEventDoc(storeUploaded(JSON.parse(JSON.stringify(sent)), terms), d.outlet ?? '')!)).toEqual(ordered(d));
    }
  });

  it('refuse an uploaded document whose indexes, counts or signature are wrong, naming the field', () => {
    const d = docs[7]!;
    const terms = [...d.terms.all.keys()];
    const sent = packForUpload(eventDocToWire(d), terms);
    expect(() => storeUploaded({ ...sent, w: [...sent.w, terms.length] }, terms)).toThrow(/ev\.w/);
    expect(() => storeUploaded({ ...sent, w: [...sent.w, 1.5] }, terms)).toThrow(/ev\.w/);
    expect(() => storeUploaded({ ...sent, c: [...sent.c, ...sent.c, 1] }, terms)).toThrow(/ev\.c/);
    expect(() => storeUploaded({ ...sent, c: sent.c.map(() => 'x') }, terms)).toThrow(/ev\.c/);
    expect(() => storeUploaded({ ...sent, t: [sent.w.length, 1] }, terms)).toThrow(/ev\.t/);
    expect(() => storeUploaded({ ...sent, t: [0] }, terms)).toThrow(/ev\.t/);
    expect(() => storeUploaded({ ...sent, l: [['k', [sent.w.length]]] }, terms)).toThrow(/ev\.l/);
    expect(() => storeUploaded({ ...sent, l: [['k', Array.from({ length: 401 }, () => 0)]] }, terms)).toThrow(/ev\.l/);
    expect(() => storeUploaded({ ...sent, w: Array.from({ length: 2001 }, () => 'x') }, terms)).toThrow(/ev\.w/);
    expect(() => storeUploaded({ ...sent, d: { sig: { type: 'nonsense' } } }, terms)).toThrow(/event\.sig/);
    expect(() => storeUploaded([], terms)).toThrow(/ev:/);
  });

  it('refuse a bad document with the field named, and read an unreadable row as none', () => {
    expect(() => eventDocToStore({ sig: {}, all: [], title: [], lines: [] })).toThrow(/event\.sig/);
    expect(unpackEventDoc('{"d":', 'x')).toBeUndefined();
  });
});

// The outlet registry: its data file against its schema, every fact sourced, ids one a outlet,
// and identity — a record's outlet name, URL or host resolving to one id everywhere.
import 'fake-indexeddb/auto';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import schema from '../../../lib/outlets/data/outlets.schema.json';
import data from '../../../lib/outlets/data/outlets.json';
import { openDb } from '../../../lib/db';
import { importText } from '../../../lib/engine/imports';
import { entityById } from '../../../lib/entities';
import { outletIdFromHost, outletIdFromName, outletIdFromUrl, resolveOutlet } from '../../../lib/outlets/identity';
import { outletName } from '../../../lib/outlets/names';
import { factAt, outletById, OUTLETS } from '../../../lib/outlets/profiles';
import { ADAPTERS } from '../../../lib/outlets/registry';
import { corpusStats } from '../../../lib/corpus/stats';
import { reportsWhere } from '../../../lib/corpus/report-pages';

describe('outlets.json', () => {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);

  it('follows outlets.schema.json', () => {
    const ok = validate(data);
    expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema rejects a fact without a source, an unknown alignment and a malformed date', () => {
    const base = { id: 'x', name: { ar: 'س', en: 'Xx' }, spellings: [], hosts: [], base: [], owner: [], started: null, stopped: null, alignment: [] };
    expect(validate({ outlets: [{ ...base, name: { ar: 'سانا', en: 'Xx' } }] })).toBe(true);
    expect(validate({ outlets: [{ ...base, name: { ar: 'سانا', en: 'Xx' }, owner: [{ value: { ar: 'دولة', en: 'State' } }] }] })).toBe(false);
    expect(validate({ outlets: [{ ...base, name: { ar: 'سانا', en: 'Xx' }, alignment: [{ value: 'friendly', source: 'https://x.example' }] }] })).toBe(false);
    expect(validate({ outlets: [{ ...base, name: { ar: 'سانا', en: 'Xx' }, started: { value: '8 Dec 2024', source: 'https://x.example' } }] })).toBe(false);
  });

  it('the 15 outlets of the issue each have an adapter (whose fixtures the extract tests hold to every page kind)', () => {
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual(['almodon', 'enab-baladi', 'eqtsad', 'eremnews', 'halab-today', 'horan-free', 'idlib24', 'ikhbariya', 'kassioun', 'orient-news', 'sana', 'shaam', 'sohr', 'syria-tv', 'zaman-al-wasl']);
  });

  it('ids are unique; every adapter, spelling and host belongs to one outlet; entities exist', () => {
    const ids = OUTLETS.map((o) => o.id);
    expect(ids.length).toBe(new Set(ids).size);
    for (const a of ADAPTERS) expect(outletById(a.id), a.id).toBeDefined();
    for (const o of OUTLETS) {
      if (o.entity) expect(entityById(o.entity), `${o.id}.entity`).toBeDefined();
      for (const s of [o.name.ar, o.name.en, ...o.spellings]) expect(outletIdFromName(s), `${o.id}: ${s}`).toBe(o.id);
      for (const h of o.hosts) expect(outletIdFromHost(h.host), h.host).toBe(o.id);
    }
  });

  it('alignment periods of an outlet do not overlap, and state media changed hands on 2024-12-08', () => {
    for (const o of OUTLETS) {
      const sorted = [...o.alignment].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.from! >= sorted[i - 1]!.until!, o.id).toBe(true);
    }
    expect(factAt(outletById('sana')!.alignment, '2024-12-07')?.value).toBe('assad-government');
    expect(factAt(outletById('sana')!.alignment, '2024-12-08')?.value).toBe('transitional-government');
    expect(factAt(outletById('sana')!.alignment, '2025-06-02')?.value).toBe('transitional-government');
    // Al-Ikhbariya was off the air between the fall and its relaunch: no alignment is claimed then.
    expect(factAt(outletById('ikhbariya')!.alignment, '2025-01-15')).toBeNull();
    expect(factAt(outletById('ikhbariya')!.alignment, '2025-05-05')?.value).toBe('transitional-government');
    expect(factAt(outletById('orient-news')!.alignment, '2024-01-01')).toBeNull();
  });

  it('every fact names a source: a http(s) URL or a publication', () => {
    for (const o of OUTLETS) {
      const facts = [...o.hosts, ...o.base, ...o.owner, ...o.alignment, ...(o.started ? [o.started] : []), ...(o.stopped ? [o.stopped] : [])];
      for (const f of facts) expect(/^https?:\/\/\S+$/.test(f.source) || !/^[a-z]+:/i.test(f.source), `${o.id}: ${f.source}`).toBe(true);
    }
  });
});

describe('identity', () => {
  it('resolves names, spellings, hosts and URLs (archive copies included) to one id', () => {
    expect(outletIdFromName('Shaam Network')).toBe('shaam');
    expect(outletIdFromName('شبكة شام')).toBe('shaam');
    expect(outletIdFromName('shaam.org')).toBe('shaam');
    expect(outletIdFromName('الاخبارية السورية')).toBe('ikhbariya');
    expect(outletIdFromName('Al Modon')).toBe('almodon');
    expect(outletIdFromName('https://www.enabbaladi.net/757027/x/')).toBe('enab-baladi');
    expect(outletIdFromUrl('https://web.archive.org/web/20250601000000/https://www.syria.tv/x-y-z')).toBe('syria-tv');
    expect(outletIdFromUrl('https://english.enabbaladi.net/archives/2012/09/x/')).toBe('enab-baladi');
    expect(outletIdFromHost('notsana.sy')).toBeNull();
    expect(outletIdFromName('Some Blog')).toBeNull();
  });

  it('the URL wins over the name a record gives; an unknown outlet keeps its name', () => {
    // A record of the real corpus names Al-Hal with Kassioun's site: the URL is 7al.net.
    expect(resolveOutlet({ outlet: 'Kassioun', url: 'https://7al.net/2025/06/01/x/' })).toBe('al-hal');
    expect(resolveOutlet({ outlet: 'Some Blog', url: 'https://blog.example/1' })).toBe('Some Blog');
    expect(resolveOutlet({ outlet: '', url: '' })).toBe('unknown');
  });

  it('importing real-2025.jsonl gives 11 outlets, each once, named in the UI language', async () => {
    const db = openDb(`registry-${Math.random()}`);
    await importText(db, 'real-2025.jsonl', readFileSync('tests/fixtures/real-2025.jsonl', 'utf8'));
    const stats = await corpusStats(db);
    const ids = Object.keys(stats.byOutlet).sort();
    expect(ids).toEqual(['al-hal', 'almodon', 'enab-baladi', 'eqtsad', 'halab-today', 'horan-free', 'ikhbariya', 'kassioun', 'sana', 'shaam', 'syria-tv']);
    expect(stats.byOutlet['shaam']).toBe(88);
    const ar = ids.map((id) => outletName(id, 'ar'));
    const en = ids.map((id) => outletName(id, 'en'));
    expect(new Set(ar).size).toBe(11);
    expect(new Set(en).size).toBe(11);
    for (const n of ar) expect(n, n).toMatch(/^[\u0600-\u06FF\d\s()]+$/);
    for (const n of en) expect(n, n).toMatch(/^[A-Za-z\d\s'()-]+$/);
    // A record written by an earlier import under the outlet's own name still counts once.
    // (a row of its own, as reports were stored before v9)
    await db.reports.put({ ...(await reportsWhere(db))[0]!, id: 'legacy', outlet: 'Shaam Network' });
    expect((await corpusStats(db)).byOutlet).toMatchObject({ shaam: 89 });
    expect(Object.keys((await corpusStats(db)).byOutlet)).not.toContain('Shaam Network');
  });
});

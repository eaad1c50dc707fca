// The team server's answers are checked field by field: a hostile or broken server cannot pass
// markup, other types or unbounded data to the pages, nor send the client in a loop.
import { describe, expect, it } from 'vitest';
import { changesAnswer, meAnswer, relatedAnswer, relatedReport } from '../../../lib/team/answers';
import { teamAddress } from '../../../lib/team/address';
import { TeamHttp } from '../../../lib/team/client';

const good = { id: 'r1', url: 'https://example.org/a', outlet: 'orient-news', title: 'عنوان', publishedAt: '2025-05-01', score: 3.5, relation: 'same-event', sharedEntities: ['place:aleppo'], sharedTerms: ['قصف'], dateGapDays: 0 };

describe('team answers', () => {
  it('keeps a related report in the local shape, its ids set apart from the local corpus', () => {
    expect(relatedReport(good)).toEqual({ ...good, id: 'team:r1' });
  });

  it('drops reports of the wrong shape and fields of the wrong type; strings stay strings', () => {
    const hostile = [
      { ...good, id: 'x', title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' },
      { ...good, score: 'high' },
      { ...good, relation: 'proven' },
      { ...good, title: 'x'.repeat(5000) },
      { ...good, publishedAt: 20250501 },
      null,
      'report',
      { ...good, id: 'y', sharedEntities: [1, 'ok', { a: 1 }], duplicates: [{ id: 'd', url: 'https://e.org', outlet: 'o' }, { id: 1 }], probability: 7, event: { type: 'strike', place: { id: 1 }, day: 'yesterday' } },
    ];
    const out = relatedAnswer({ related: hostile }, 50);
    expect(out.map((r) => r.id)).toEqual(['team:x', 'team:y']);
    // Text as given (pages render it as text; links go through safeHref, which refuses javascript:).
    expect(out[0]!.title).toBe('<img src=x onerror=alert(1)>');
    expect(out[1]!.sharedEntities).toEqual(['ok']);
    expect(out[1]!.duplicates).toEqual([{ id: 'team:d', url: 'https://e.org', outlet: 'o' }]);
    expect(out[1]!.probability).toBeUndefined();
    expect(out[1]!.event).toEqual({ type: 'strike', place: null, day: null });
    expect(relatedAnswer({ related: Array.from({ length: 500 }, () => good) }, 10)).toHaveLength(10);
    expect(() => relatedAnswer({ results: [] }, 10)).toThrow(/^team:answer/);
  });

  it('refuses a changes feed that goes backwards or stands still (no endless pull)', () => {
    const rec = { url: 'u', outlet: 'o', title: 't', publishedAt: null, text: 'x' };
    expect(changesAnswer({ reports: [{ seq: 5, record: rec }, { seq: 9, record: rec }], next: 9 }, 4).next).toBe(9);
    expect(() => changesAnswer({ reports: [{ seq: 5, record: rec }, { seq: 5, record: rec }], next: 5 }, 4)).toThrow(/out of order/);
    expect(() => changesAnswer({ reports: [{ seq: 3, record: rec }], next: 3 }, 4)).toThrow(/out of order/);
    expect(() => changesAnswer({ reports: [], next: 2 }, 4)).toThrow(/out of order/);
    expect(changesAnswer({ reports: [], next: 4 }, 4)).toEqual({ reports: [], next: 4 });
  });

  it('knows a team server by its answer to `me`', () => {
    expect(meAnswer({ team: 't', member: 'm', role: 'reader', reports: 12 })).toEqual({ team: 't', member: 'm', role: 'reader', reports: 12 });
    expect(() => meAnswer({ team: 't', member: 'm', role: 'owner', reports: 1 })).toThrow(/^team:answer/);
    expect(() => meAnswer('<html>')).toThrow(/^team:answer/);
  });
});

describe('team address and client', () => {
  it('takes an http(s) origin only, and asks for that host only', () => {
    expect(teamAddress('team.example.org')).toEqual({ origin: 'https://team.example.org', pattern: 'https://team.example.org/*', insecure: false });
    expect(teamAddress('http://127.0.0.1:8787')).toEqual({ origin: 'http://127.0.0.1:8787', pattern: 'http://127.0.0.1/*', insecure: false });
    expect(teamAddress('http://team.example.org:8787/')).toMatchObject({ pattern: 'http://team.example.org/*', insecure: true });
    for (const bad of ['', 'javascript:alert(1)', 'file:///etc/passwd', 'ftp://x.org', 'https://u:p@x.org', 'https://x.org/v1/teams/a', 'https://x.org/?q=1', 'http://']) {
      expect(teamAddress(bad)).toEqual({ error: 'address' });
    }
  });

  it('refuses redirects, sends no cookie, and refuses an answer from another origin', async () => {
    const seen: RequestInit[] = [];
    const moved = new TeamHttp('https://team.example.org', 'newsroom', 'tok', async (_u, init) => {
      seen.push(init);
      return Object.defineProperty(new Response(JSON.stringify({ team: 'newsroom', member: 'm', role: 'reader', reports: 1 })), 'url', { value: 'https://evil.example/v1/teams/newsroom/me' });
    });
    await expect(moved.me()).rejects.toThrow(/^team:answer/);
    expect(seen[0]).toMatchObject({ redirect: 'error', credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect((seen[0]!.headers as Record<string, string>).authorization).toBe('Bearer tok');
    const status = (code: number) => new TeamHttp('https://t.org', 'n', 'tok', async () => new Response(JSON.stringify({ error: 'no' }), { status: code })).me();
    await expect(status(401)).rejects.toThrow(/^team:unauthorized: 401 no/);
    await expect(status(403)).rejects.toThrow(/^team:forbidden/);
    await expect(status(429)).rejects.toThrow(/^team:rate/);
    await expect(status(502)).rejects.toThrow(/^team:server/);
    const huge = new TeamHttp('https://t.org', 'n', 'tok', async () => new Response('x', { headers: { 'content-length': String(1e9) } }));
    await expect(huge.me()).rejects.toThrow(/^team:answer/);
  });
});

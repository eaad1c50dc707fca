// The background's HTTP client of the team server. Every request goes to the one configured
// origin (checked on the final URL; redirects refused, so no answer can send the token elsewhere),
// carries no cookie, waits a bounded time and reads a bounded answer.
import { addAnswer, changesAnswer, meAnswer, relatedAnswer } from './answers';
import { TeamError, type TeamErrorCode } from './errors';

import type { TeamQuery } from './query';
import type { ReportRecord } from '../types';

const TIMEOUT_MS = 20_000;
/** The largest answer read (a page of the changes feed is the largest: 500 reports' texts). */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

async function readCapped(res: Response): Promise<string> {
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_ANSWER_BYTES) throw new TeamError('answer', `an answer of ${length} bytes`);
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new TeamError('answer', `an answer over ${MAX_ANSWER_BYTES} bytes`);
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return new TextDecoder().decode(all);
}

export class TeamHttp {
  constructor(
    readonly origin: string,
    readonly team: string,
    private readonly token: string,
    private readonly fetchFn: Fetch = (u, i) => fetch(u, i),
  ) {}

  async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const url = `${this.origin}/v1/teams/${encodeURIComponent(this.team)}${path}`;
    if (new URL(url).origin !== this.origin) throw new TeamError('answer', 'not the team server');
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        method,
        headers: { authorization: `Bearer ${this.token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'error',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw new TeamError('unreachable', e instanceof Error ? e.message : String(e));
    }
    if (res.url && new URL(res.url).origin !== this.origin) throw new TeamError('answer', 'the answer came from another address');
    const text = await readCapped(res);
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : {};
    } catch {
      data = undefined;
    }
    if (!res.ok) {
      const said = data && typeof data === 'object' && typeof (data as { error?: unknown }).error === 'string' ? String((data as { error: string }).error).slice(0, 300) : res.statusText;
      const code: TeamErrorCode = res.status === 401 ? 'unauthorized' : res.status === 403 ? 'forbidden' : res.status === 429 ? 'rate' : 'server';
      throw new TeamError(code, `${res.status} ${said}`);
    }
    if (data === undefined) throw new TeamError('answer', 'not JSON');
    return data;
  }

  async me() {
    return meAnswer(await this.call('GET', '/me'));
  }

  async query(q: TeamQuery) {
    return relatedAnswer(await this.call('POST', '/query', q), q.top ?? 10);
  }

  async changes(after: number, limit: number) {
    return changesAnswer(await this.call('GET', `/changes?after=${after}&limit=${limit}`), after);
  }

  async addReports(records: ReportRecord[], source: string) {
    return addAnswer(await this.call('POST', '/reports', { records, source }));
  }
}

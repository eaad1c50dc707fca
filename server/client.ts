// A client of the team server's API, for the command line and the tests.
import type { EventDocWire } from '../lib/events';
import type { FeaturesWire } from '../lib/engine/wire';
import type { RelatedReport, ReportRecord } from '../lib/types';
import type { TeamQuery } from './query';
import type { UploadResult } from './upload';

export class TeamError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class TeamClient {
  constructor(
    readonly server: string,
    readonly team: string,
    private readonly token: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.server.replace(/\/+$/, '')}/v1/teams/${encodeURIComponent(this.team)}${path}`;
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const out = (await res.json().catch(() => ({}))) as T & { error?: string };
    if (!res.ok) throw new TeamError(res.status, `${method} ${path}: ${res.status} ${out.error ?? res.statusText}`);
    return out;
  }

  me() {
    return this.call<{ team: string; member: string; role: string; reports: number }>('GET', '/me');
  }

  /** `analyses` (and `events`, with them): the records' analysis done here (server/analyse-pool.ts). */
  addReports(records: ReportRecord[], source: string, analyses?: FeaturesWire[], events?: EventDocWire[]) {
    return this.call<{ added: number; duplicates: number; problems: Array<{ index: number; reason: string }> }>('POST', '/reports', { records, source, ...(analyses ? { analyses } : {}), ...(events ? { events } : {}) });
  }

  /** A streamed upload (server/upload.ts): `lines` are NDJSON lines, each ending in a newline, sent as they come. */
  async upload(lines: AsyncIterable<string | Uint8Array>, source: string): Promise<UploadResult> {
    const url = `${this.server.replace(/\/+$/, '')}/v1/teams/${encodeURIComponent(this.team)}/reports/stream?source=${encodeURIComponent(source)}`;
    const body = (async function* () {
      for await (const l of lines) yield typeof l === 'string' ? Buffer.from(l) : l;
    })();
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/x-ndjson' },
      body: body as unknown as BodyInit,
      duplex: 'half',
    } as RequestInit);
    const out = (await res.json().catch(() => ({}))) as UploadResult & { error?: string };
    if (!res.ok) throw new TeamError(res.status, `upload: ${res.status} ${out.error ?? res.statusText}`);
    return out;
  }

  async query(q: TeamQuery): Promise<RelatedReport[]> {
    return (await this.call<{ related: RelatedReport[] }>('POST', '/query', q)).related;
  }

  changes(after: number, limit = 500) {
    return this.call<{ reports: Array<{ seq: number; record: ReportRecord }>; next: number }>('GET', `/changes?after=${after}&limit=${limit}`);
  }

  addMember(name: string, role: string) {
    return this.call<{ id: number }>('POST', '/members', { name, role });
  }

  issueToken(memberId: number) {
    return this.call<{ id: string; token: string }>('POST', `/members/${memberId}/tokens`, {});
  }

  revoke(tokenId: string) {
    return this.call<{ revoked: string }>('DELETE', `/tokens/${tokenId}`);
  }

  audit() {
    return this.call<{ entries: Array<{ action: string; member_id: number | null; detail: Record<string, unknown> }> }>('GET', '/audit');
  }
}

// The query for an article (its analysis and keys, never its text) is the extension's own.
export { teamQueryFor } from '../lib/team/query';

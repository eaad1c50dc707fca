// Polite fetching for harvests: one request at a time, a pause between requests, an honest
// User-Agent (where the runtime lets us set one: browsers send their own), retries with backoff
// on 429 and 5xx answers (Retry-After honoured), and a slower pace for the rest of the run after
// a 429. Bodies are read up to a bound: a hostile or broken server cannot fill the memory.
// `hostMap` sends a host's requests to another origin (tests' local servers), the URLs staying real.
// A run reaches only the hosts it names (limitTo): a redirect to another site is refused, before it
// is followed where the runtime shows redirects (Node), or before its answer is read where the
// runtime follows them itself (a browser's fetch).

import { decodeHtml, joinChunks } from './decode';
import { errorMessage } from '../errors';

export const USER_AGENT = 'IsnadHarvester/0.1 (corpus building for a reader of Syrian news; one request at a time)';
/** A page or an index larger than this is not read whole: the request fails with the reason. */
const MAX_RESPONSE = 16 * 1024 * 1024;

export interface FetchedText {
  url: string;
  status: number;
  contentType: string;
  text: string;
}

export interface PoliteOptions {
  /** Milliseconds between the start of two requests (robots' Crawl-delay may raise it). */
  delayMs?: number;
  retries?: number;
  /** Longest wait between retries, and the cap on a server's Retry-After. */
  maxBackoffMs?: number;
  userAgent?: string | null;
  hostMap?: Record<string, string>;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Told of every wait beyond the usual pause (a 429, a 5xx), for the log. */
  onWait?: (ms: number, why: string) => void;
  /** Follow redirects here, one by one, so that one to a host the run does not name is never requested (Node; a browser hides them). */
  manualRedirects?: boolean;
}

const MAX_REDIRECTS = 5;

export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After in milliseconds: seconds, or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

async function readBounded(res: Response, limit: number, url: string): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > limit) throw new FetchError(url, res.status, `${url}: answer larger than ${limit / 1024 / 1024} MB`);
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new FetchError(url, res.status, `${url}: answer larger than ${limit / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  return decodeHtml(joinChunks(chunks, size), res.headers.get('content-type') ?? '');
}

export class PoliteFetcher {
  private last = -Infinity;
  private queue: Promise<unknown> = Promise.resolve();
  delayMs: number;
  private readonly o: Required<Omit<PoliteOptions, 'hostMap' | 'onWait' | 'userAgent'>> & Pick<PoliteOptions, 'hostMap' | 'onWait' | 'userAgent'>;
  /** Requests sent, retries included (for the progress line and the tests). */
  requests = 0;
  /** The hosts the run may reach; null: not limited. */
  private allow: ((host: string) => boolean) | null = null;

  constructor(opts: PoliteOptions = {}) {
    this.o = {
      delayMs: opts.delayMs ?? 1000,
      retries: opts.retries ?? 4,
      maxBackoffMs: opts.maxBackoffMs ?? 120_000,
      userAgent: opts.userAgent === undefined ? USER_AGENT : opts.userAgent,
      hostMap: opts.hostMap,
      fetch: opts.fetch ?? ((...a) => fetch(...a)),
      sleep: opts.sleep ?? abortableSleep,
      now: opts.now ?? (() => Date.now()),
      onWait: opts.onWait,
      manualRedirects: opts.manualRedirects ?? false,
    };
    this.delayMs = this.o.delayMs;
  }

  /** Limits the requests to the hosts `allow` accepts (a run's archive, or its outlet's hosts). */
  limitTo(allow: ((host: string) => boolean) | null): void {
    this.allow = allow;
  }

  /** Throws when `to` is on a host the run does not name. */
  private refuse(url: string, to: string, status: number, what: string): void {
    const host = new URL(to).hostname;
    if (this.allow && !this.allow(host)) throw new FetchError(url, status, `${url}: redirected to another site (${host}), ${what}`);
  }

  /** One request, its redirects followed (by hand, each checked, when manualRedirects is set); the answer and where it came from. */
  private async request(url: string, signal?: AbortSignal): Promise<{ res: Response; at: string }> {
    const manual = !!this.allow && this.o.manualRedirects;
    const headers: Record<string, string> = this.o.userAgent ? { 'User-Agent': this.o.userAgent, Accept: 'text/html,application/xhtml+xml,application/xml,application/json;q=0.9,*/*;q=0.5' } : {};
    let at = url;
    for (let hop = 0; ; hop++) {
      const res = await this.o.fetch(this.transport(at), { signal, redirect: manual ? 'manual' : 'follow', headers });
      const location = manual && res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (!location) {
        // A browser followed the redirects itself: its final address is known only now.
        if (!manual && res.url && !this.o.hostMap && res.url !== at) {
          try {
            this.refuse(url, res.url, res.status, 'not read');
          } catch (e) {
            await res.body?.cancel().catch(() => undefined);
            throw e;
          }
          at = res.url;
        }
        return { res, at };
      }
      await res.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) throw new FetchError(url, res.status, `${url}: more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, at).href;
      this.refuse(url, next, res.status, 'not followed');
      at = next;
    }
  }

  /** Raises the pause between requests (robots.txt Crawl-delay), never lowers it. */
  atLeast(ms: number): void {
    this.delayMs = Math.max(this.delayMs, ms);
  }

  private transport(url: string): string {
    const map = this.o.hostMap;
    if (!map) return url;
    const u = new URL(url);
    const to = map[u.hostname] ?? map[u.hostname.replace(/^www\./, '')];
    return to ? `${to.replace(/\/$/, '')}${u.pathname}${u.search}` : url;
  }

  /** GET a URL's text, one request at a time; 404 and other final answers are returned, not thrown. */
  get(url: string, signal?: AbortSignal): Promise<FetchedText> {
    const run = this.queue.then(() => this.send(url, signal));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async send(url: string, signal?: AbortSignal): Promise<FetchedText> {
    for (let attempt = 0; ; attempt++) {
      const wait = this.last + this.delayMs - this.o.now();
      if (wait > 0) await this.o.sleep(wait, signal);
      this.last = this.o.now();
      this.requests++;
      let res: Response;
      let at: string;
      try {
        ({ res, at } = await this.request(url, signal));
      } catch (e) {
        if (signal?.aborted || e instanceof FetchError) throw e;
        if (attempt >= this.o.retries) throw new FetchError(url, null, `${url}: ${errorMessage(e)}`);
        await this.backoff(attempt, null, 'network error', signal);
        continue;
      }
      if (res.status === 429 || res.status >= 500) {
        await res.body?.cancel().catch(() => undefined);
        if (res.status === 429) this.delayMs = Math.min(this.o.maxBackoffMs, Math.max(this.delayMs * 2, 1000));
        if (attempt >= this.o.retries) throw new FetchError(url, res.status, `${url}: HTTP ${res.status} after ${attempt + 1} tries`);
        await this.backoff(attempt, retryAfterMs(res.headers.get('retry-after'), this.o.now()), `HTTP ${res.status}`, signal);
        continue;
      }
      const text = await readBounded(res, MAX_RESPONSE, url);
      return { url: at, status: res.status, contentType: res.headers.get('content-type') ?? '', text };
    }
  }

  private async backoff(attempt: number, retryAfter: number | null, why: string, signal?: AbortSignal): Promise<void> {
    const ms = Math.min(this.o.maxBackoffMs, retryAfter ?? Math.max(this.delayMs, 1000) * 2 ** attempt);
    this.o.onWait?.(ms, why);
    await this.o.sleep(ms, signal);
    // The pause before the retry is the backoff itself.
    this.last = this.o.now() - this.delayMs;
  }
}

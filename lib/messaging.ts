// The one typed message protocol between the extension's contexts. Messages are named by
// direction (page → background, ui → background); every reply is a Result, never a thrown error.
import { browser } from 'wxt/browser';
import type { Article, Report, TabContext } from './types';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface CorpusStats {
  reports: number;
  byOutlet: Record<string, number>;
}

/** Request and reply types, by message name. */
export interface Protocol {
  /** Content script → background: the article on this tab; replies with its context. */
  'page:article': { request: { article: Article }; reply: TabContext };
  /** Content script → background: this tab no longer shows an article. */
  'page:left': { request: Record<string, never>; reply: null };
  /** UI (panel, side panel, popup) → background: the context of a tab (the sender's when omitted). */
  'ui:context': { request: { tabId?: number }; reply: TabContext | null };
  /** UI → background: one report of the corpus, for the report viewer. */
  'ui:report': { request: { id: string }; reply: Report | null };
  'ui:stats': { request: Record<string, never>; reply: CorpusStats };
}

export type MessageName = keyof Protocol;
export interface Envelope<K extends MessageName = MessageName> {
  isnad: K;
  data: Protocol[K]['request'];
}

export interface Sender {
  tabId?: number;
  url?: string;
}

export type Handlers = {
  [K in MessageName]: (data: Protocol[K]['request'], sender: Sender) => Promise<Protocol[K]['reply']> | Protocol[K]['reply'];
};

export async function send<K extends MessageName>(name: K, data: Protocol[K]['request']): Promise<Result<Protocol[K]['reply']>> {
  try {
    const reply = (await browser.runtime.sendMessage({ isnad: name, data } satisfies Envelope<K>)) as Result<Protocol[K]['reply']> | undefined;
    return reply ?? { ok: false, error: `no reply to ${name}` };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Like send, but throws the error string: for UI code that shows errors through one path. */
export async function call<K extends MessageName>(name: K, data: Protocol[K]['request']): Promise<Protocol[K]['reply']> {
  const r = await send(name, data);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function isEnvelope(m: unknown): m is Envelope {
  return !!m && typeof m === 'object' && typeof (m as Envelope).isnad === 'string';
}

/** Dispatches protocol messages to handlers (background only); replies with a Result. */
export async function dispatch(handlers: Handlers, message: unknown, sender: Sender): Promise<Result<unknown> | undefined> {
  if (!isEnvelope(message)) return undefined;
  const handler = handlers[message.isnad] as ((d: unknown, s: Sender) => unknown) | undefined;
  if (!handler) return { ok: false, error: `unknown message ${String(message.isnad)}` };
  try {
    return { ok: true, value: await handler(message.data, sender) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isEnvelope(message)) return undefined;
    // Only the extension's own pages and content scripts may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    return dispatch(handlers, message, { tabId: sender.tab?.id, url: sender.tab?.url ?? sender.url });
  });
}

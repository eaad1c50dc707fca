// Requests whose payload is mostly numbers in typed arrays — an import part's analyses
// (lib/engine/part-wire.ts) — sent to the background by structured clone. Chrome's runtime messages
// are JSON: a typed array would arrive as an object of numbered keys, and every number of a part,
// sent as arrays, was an object the service worker's heap built and collected. So where the
// background is a service worker (Chrome), these go by the worker's own postMessage (a structured
// clone: a typed array is one block of bytes) with a port for the reply; Firefox's background is an
// event page, whose runtime messages are structured clones already. The same protocol, roles and
// handlers (lib/messaging.ts): only the way there differs.
import { browser } from 'wxt/browser';
import { dispatch, send, type Handlers, type MessageName, type Protocol, type Result } from './messaging';
import type { Sender } from './sender';

/** The messages that go this way. */
const CLONED: ReadonlySet<MessageName> = new Set<MessageName>(['ui:import-part']);
type Cloned = 'ui:import-part';

/** No reply for this long: lost, whatever else was heard (a part is written in seconds). */
const LOST_AFTER_MS = 90_000;

/** A runtime port the page holds open while it waits: a worker stopped meanwhile disconnects it at
 *  once (a MessagePort's other side going away is told by nothing in Chromium 156). */
const WATCH = 'isnad:cloned-watch';

/** The background's service worker, where the background is one (Chrome). */
async function backgroundWorker(): Promise<ServiceWorker | null> {
  const container = (globalThis.navigator as Navigator | undefined)?.serviceWorker;
  if (!container) return null;
  const reg = await container.getRegistration().catch(() => undefined);
  return reg?.active ?? null;
}

/** send() by structured clone where runtime messages are JSON; the reply a Result as send's
 *  (`lost` when none came: the request may be sent again, made anew: what `transfer` lists — buffers
 *  of `data`, moved to the background rather than copied — is gone from the sender once sent). */
export async function sendCloned<K extends Cloned>(name: K, data: Protocol[K]['request'], transfer: Transferable[] = []): Promise<Result<Protocol[K]['reply']>> {
  const worker = await backgroundWorker();
  if (!worker) return send(name, data);
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    const lost = () => done({ ok: false, error: `no reply to ${name}`, lost: true });
    const timer = setTimeout(lost, LOST_AFTER_MS);
    const watch = browser.runtime.connect({ name: WATCH });
    function done(r: Result<Protocol[K]['reply']>) {
      clearTimeout(timer);
      port1.onmessage = null;
      port1.close();
      watch.onDisconnect.removeListener(lost);
      watch.disconnect();
      resolve(r);
    }
    watch.onDisconnect.addListener(lost);
    port1.onmessage = (e: MessageEvent<Result<Protocol[K]['reply']> | null>) => (e.data && typeof e.data === 'object' ? done(e.data) : lost());
    try {
      worker.postMessage({ isnad: name, data }, [port2, ...transfer]);
    } catch {
      lost();
    }
  });
}

/** What a service worker's message event carries (ExtendableMessageEvent, the fields read). */
interface ClientMessage {
  data: unknown;
  ports: readonly MessagePort[];
  source: { url?: string; frameType?: string } | null;
  waitUntil(p: Promise<unknown>): void;
}

/** The sender of a client's message: an extension page (only our own origin's pages are clients
 *  of our worker), framed in another page (`nested`) or not. */
export function clientSender(source: ClientMessage['source'], origin: string): Sender | null {
  const url = source?.url;
  if (!url || !(url === origin || url.startsWith(`${origin}/`))) return null;
  return { role: source.frameType === 'nested' ? 'frame' : 'ui', url };
}

/** Answers the cloned messages in the background's service worker (nothing where it is not one). */
export function listenCloned(handlers: Handlers): void {
  const scope = globalThis as unknown as { ServiceWorkerGlobalScope?: { new (): unknown }; location: Location; addEventListener(type: 'message', f: (e: ClientMessage) => void): void };
  if (typeof scope.ServiceWorkerGlobalScope !== 'function' || !(globalThis instanceof scope.ServiceWorkerGlobalScope)) return;
  // Accepted and left open: the page closes it when answered; the worker stopping closes it too.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== WATCH) port.disconnect();
  });
  scope.addEventListener('message', (e) => {
    const port = e.ports[0];
    const m = e.data as { isnad?: unknown } | null;
    const from = clientSender(e.source, scope.location.origin);
    if (!port || !from || !m || typeof m !== 'object' || !CLONED.has(m.isnad as MessageName)) return;
    // The worker stays up until the part is written and answered.
    e.waitUntil(dispatch(handlers, m, from).then((r) => port.postMessage(r)));
  });
}

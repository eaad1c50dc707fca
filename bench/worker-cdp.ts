// DevTools access to the extension's service worker from a page's session (benchmarks only).
import type { CDPSession } from 'playwright-core';

/**
 * A DevTools session on the extension's service worker, attached without flattening so that its
 * replies come back as events on the page's session.
 */
export async function workerSession(cdp: CDPSession) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes('background'));
  if (!sw) return null;
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
  let next = 1;
  return {
    ask<T = Record<string, unknown>>(method: string, params: unknown = {}): Promise<T> {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${method}: no reply`)), 60_000);
        const onMessage = (ev: { sessionId: string; message: string }) => {
          const m = JSON.parse(ev.message) as { id?: number; result?: T; error?: { message: string } };
          if (ev.sessionId !== sessionId || m.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          clearTimeout(timer);
          if (m.error) reject(new Error(`${method}: ${m.error.message}`));
          else resolve(m.result as T);
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
    close: () => cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined),
  };
}


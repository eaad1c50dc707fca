// DevTools access to the extension's service worker from a page's session (benchmarks only).
import { createWriteStream } from 'node:fs';
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
    /** Calls `fn` with the params of each event `method` the worker sends, until the returned stop is called. */
    on(method: string, fn: (params: Record<string, unknown>) => void): () => void {
      const onMessage = (ev: { sessionId: string; message: string }) => {
        if (ev.sessionId !== sessionId) return;
        const m = JSON.parse(ev.message) as { method?: string; params?: Record<string, unknown> };
        if (m.method === method) fn(m.params ?? {});
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      return () => cdp.off('Target.receivedMessageFromTarget', onMessage);
    },
    close: () => cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined),
  };
}

/** A heap snapshot of the service worker (its live heap: V8 collects first), written to `file`. */
export async function workerHeapSnapshot(cdp: CDPSession, file: string): Promise<void> {
  const sw = await workerSession(cdp);
  if (!sw) throw new Error('no service worker to snapshot');
  const out = createWriteStream(file);
  const stop = sw.on('HeapProfiler.addHeapSnapshotChunk', (p) => out.write(p.chunk as string));
  try {
    await sw.ask('HeapProfiler.enable');
    await sw.ask('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    stop();
    await new Promise((resolve) => out.end(resolve));
    await sw.close();
  }
}


/**
 * CPU profiles of the service worker from its start (the bundle's evaluation included) to the
 * answer of what woke it. A DevTools session stays attached to the worker's target across a stop,
 * and V8 takes up a profiling started in a session again when the worker's new isolate attaches,
 * before its script runs: so profiling starts while the worker runs, the worker is stopped, and
 * `wake` starts it again.
 */
export async function coldStartProfiles(cdp: CDPSession, runs: number, stop: () => Promise<void>, wake: () => Promise<unknown>): Promise<unknown[]> {
  const sw = await workerSession(cdp);
  if (!sw) throw new Error('no service worker to profile');
  const profiles: unknown[] = [];
  try {
    await sw.ask('Profiler.enable');
    await sw.ask('Profiler.setSamplingInterval', { interval: 100 });
    for (let k = 0; k < runs; k++) {
      await sw.ask('Profiler.start');
      await stop();
      await new Promise((r) => setTimeout(r, 300));
      await wake();
      profiles.push((await sw.ask<{ profile: unknown }>('Profiler.stop')).profile);
    }
  } finally {
    await sw.close();
  }
  return profiles;
}

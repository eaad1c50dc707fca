// CPU profiles of the options page and of the analysis workers it starts, over an import
// (benchmarks only: bench/browser.ts --profile FILE --phase import writes FILE.page.json and
// FILE.worker-K.json beside the service worker's FILE).
import type { CDPSession } from 'playwright-core';

interface Attached {
  sessionId: string;
  targetInfo: { type: string; url: string };
}

/**
 * Starts profiling the page of `cdp` and every dedicated worker it starts from now on (each held
 * at its start until its profiler runs); `stop` returns each profile by name. The page ends its
 * workers when the import is done, their profiles with them: stop before that (a sample of the
 * import's first part is the profile).
 */
export async function profileImportPage(cdp: CDPSession, intervalUs = 500): Promise<{ stop(): Promise<Record<string, unknown>> }> {
  let next = 1;
  const pending = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  const ask = (sessionId: string, method: string, params: unknown = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = next++;
      pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  cdp.on('Target.receivedMessageFromTarget', (ev: { message: string }) => {
    const m = JSON.parse(ev.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (m.id === undefined) return;
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  const workers: string[] = [];
  cdp.on('Target.attachedToTarget', (ev: Attached) => {
    if (ev.targetInfo.type !== 'worker') return;
    workers.push(ev.sessionId);
    void (async () => {
      await ask(ev.sessionId, 'Profiler.enable');
      await ask(ev.sessionId, 'Profiler.setSamplingInterval', { interval: intervalUs });
      await ask(ev.sessionId, 'Profiler.start');
      await ask(ev.sessionId, 'Runtime.runIfWaitingForDebugger');
    })();
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const out: Record<string, unknown> = { page: ((await cdp.send('Profiler.stop')) as { profile: unknown }).profile };
      for (const [k, s] of workers.entries()) {
        // A worker that ended took its profile with it.
        const r = (await Promise.race([ask(s, 'Profiler.stop'), new Promise((r) => setTimeout(() => r(null), 5000))]).catch(() => null)) as { profile: unknown } | null;
        if (r) out[`worker-${k}`] = r.profile;
      }
      await cdp.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: false });
      return out;
    },
  };
}

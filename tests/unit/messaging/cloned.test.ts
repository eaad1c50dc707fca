// An import's parts go to Chrome's service worker by its own postMessage (lib/cloned-messages.ts):
// the sender is what the worker's Client says of it (its URL and whether it is framed), and the
// same roles hold as for runtime messages — a framed page of ours cannot send a part, nor any
// page not of our origin, whatever its URL starts with.
import { describe, expect, it } from 'vitest';
import { clientSender } from '../../../lib/cloned-messages';
import { dispatch, ROLES, type Handlers } from '../../../lib/messaging';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('messages to the service worker by structured clone', () => {
  it('know their sender by the Client the browser names: our own pages, framed or not', () => {
    expect(clientSender({ url: `${ORIGIN}/options.html`, frameType: 'top-level' }, ORIGIN)).toEqual({ role: 'ui', url: `${ORIGIN}/options.html` });
    expect(clientSender({ url: `${ORIGIN}/options.html`, frameType: 'auxiliary' }, ORIGIN)?.role).toBe('ui');
    expect(clientSender({ url: `${ORIGIN}/panel.html?run=x`, frameType: 'nested' }, ORIGIN)?.role).toBe('frame');
    expect(clientSender({ url: `${ORIGIN}.evil.example/options.html`, frameType: 'top-level' }, ORIGIN)).toBeNull();
    expect(clientSender({ url: 'https://www.orient-news.net/', frameType: 'top-level' }, ORIGIN)).toBeNull();
    expect(clientSender(null, ORIGIN)).toBeNull();
    expect(clientSender({ frameType: 'top-level' }, ORIGIN)).toBeNull();
  });

  it("answer an import's part to the options page only, as runtime messages do", async () => {
    const ran: string[] = [];
    const handlers = { 'ui:import-part': () => (ran.push('part'), 'written') } as unknown as Handlers;
    const message = { isnad: 'ui:import-part', data: { job: 'j', records: [] } };
    expect(ROLES['ui:import-part']).toEqual(['ui']);
    const framed = clientSender({ url: `${ORIGIN}/panel.html`, frameType: 'nested' }, ORIGIN)!;
    expect(await dispatch(handlers, message, framed)).toMatchObject({ ok: false });
    expect(ran).toEqual([]);
    const options = clientSender({ url: `${ORIGIN}/options.html`, frameType: 'top-level' }, ORIGIN)!;
    expect(await dispatch(handlers, message, options)).toEqual({ ok: true, value: 'written' });
    expect(ran).toEqual(['part']);
  });
});

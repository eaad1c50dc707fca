// Build a corpus's Update button ("what is new since the last run") belongs to the choice it was
// asked for: after the reader switches the source or the outlet, the button of the choice before
// is not shown while the new choice's answer is on its way, nor after it says there was no run.
import { parseHTML } from 'linkedom';
import { h, options, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../lib/i18n', () => ({ t: (key: string, ...args: string[]) => [key, ...args].join(' '), formatNumber: String }));
vi.mock('../../../lib/ui/format-date', () => ({ formatDate: (iso: string) => `day ${iso}` }));
// The background's answers, held until the test lets each one through.
const asked: Array<{ name: string; data: unknown; answer: (v: unknown) => void }> = [];
vi.mock('../../../lib/messaging', () => ({
  call: (name: string, data: unknown) => new Promise((answer) => asked.push({ name, data, answer })),
}));
const { BuildCorpus } = await import('../../../components/BuildCorpus');

// Effects run when the test says (a browser runs them after the next frame, which can be late).
const frames: Array<() => void> = [];
const g = globalThis as unknown as { document?: Document };
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
async function nextFrame() {
  while (frames.length) frames.shift()!();
  await settle();
}

afterEach(() => {
  delete g.document;
  options.requestAnimationFrame = undefined;
  asked.length = 0;
});

describe('Build a corpus: the Update button', () => {
  it("shows the last run of the choice shown, never the choice before's", async () => {
    options.requestAnimationFrame = (cb) => frames.push(cb);
    const { document, Event } = parseHTML('<!doctype html><html><body><main id="root"></main></body></html>');
    g.document = document as unknown as Document;
    const root = document.getElementById('root')!;
    render(h(BuildCorpus, { lang: 'en' }), root as unknown as Element);
    await nextFrame();
    const update = () => root.querySelector('[data-testid="harvest-update"]')?.textContent ?? null;
    // As the reader's pick: the option selected, then the select's change event.
    const choose = (select: HTMLSelectElement, value: string) => {
      for (const o of select.querySelectorAll('option')) o.toggleAttribute('selected', o.getAttribute('value') === value);
      select.dispatchEvent(new Event('change'));
    };
    const lastAsked = (source: string) => asked.filter((a) => a.name === 'ui:harvest-last' && (a.data as { source: string }).source === source).at(-1)!;

    lastAsked('wayback').answer('2026-11-02T10:00:00Z');
    await settle();
    expect(update()).toBe('harvestUpdate day 2026-11-02');

    // The reader picks the outlet's own site: until its answer comes, no Update button.
    const select = root.querySelector('#bc-source') as unknown as HTMLSelectElement;
    choose(select, 'live');
    await settle();
    expect(select.value).toBe('live');
    expect(update()).toBeNull();
    await nextFrame();
    expect(update()).toBeNull();
    // Its answer: never run from there.
    lastAsked('live').answer(null);
    await settle();
    expect(update()).toBeNull();

    // Back to the Wayback Machine: its own answer again, once it comes.
    choose(select, 'wayback');
    await settle();
    expect(update()).toBeNull();
    await nextFrame();
    lastAsked('wayback').answer('2026-11-02T10:00:00Z');
    await settle();
    expect(update()).toBe('harvestUpdate day 2026-11-02');
  });
});

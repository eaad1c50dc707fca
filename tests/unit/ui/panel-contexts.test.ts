// The hand-off of a tab's related reports to its in-page panel, which may ask before or after
// the content script sent the article of its run.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelContexts } from '../../../lib/panel-contexts';
import type { TabContext } from '../../../lib/types';

const ctx = (title: string) => ({ article: { title }, related: [] }) as unknown as TabContext;

describe('PanelContexts', () => {
  afterEach(() => vi.useRealTimers());

  it('a panel asking after the article gets the lookup already under way, not a second one', async () => {
    const p = new PanelContexts();
    const lookup = Promise.resolve(ctx('a'));
    p.began(7, 'run1', lookup);
    expect(await p.contextFor(7, 'run1')).toEqual(ctx('a'));
  });

  it('a panel asking first waits for its own run, not for an older article of the tab', async () => {
    const p = new PanelContexts();
    p.began(7, 'old', Promise.resolve(ctx('old')));
    const asked = p.contextFor(7, 'new');
    p.began(8, 'new', Promise.resolve(ctx('other tab')));
    p.began(7, 'new', Promise.resolve(ctx('new')));
    expect(await asked).toEqual(ctx('new'));
  });

  it('a lookup that fails fails the panel\'s request with its error', async () => {
    const p = new PanelContexts();
    const asked = p.contextFor(3, 'r');
    p.began(3, 'r', Promise.reject(new Error('index closed')));
    await expect(asked).rejects.toThrow('index closed');
  });

  it('a run whose article never comes gives null after the timeout; a tab that left gives null at once', async () => {
    vi.useFakeTimers();
    const p = new PanelContexts(1000);
    const never = p.contextFor(1, 'r');
    vi.advanceTimersByTime(1001);
    expect(await never).toBeNull();
    const left = p.contextFor(2, 'r');
    p.forget(2);
    expect(await left).toBeNull();
    // What the tab read before it left is gone too.
    p.began(4, 'r', Promise.resolve(ctx('a')));
    p.forget(4);
    const after = p.contextFor(4, 'r');
    vi.advanceTimersByTime(1001);
    expect(await after).toBeNull();
  });
});

// The in-page panel never covers the article's text: it goes in a margin wide enough, else the
// page gives up room for it, and folded it is a small tab at the edge.
import { describe, expect, it } from 'vitest';
import { edgeOf, PANEL_MIN, placePanel, TAB_WIDTH } from '../../../entrypoints/content/panel-place';

const open = { collapsed: false, side: 'end' } as const;

describe('in-page panel placement', () => {
  it('the inline end is the left edge of a right-to-left page, the right of a left-to-right one', () => {
    expect(edgeOf('end', 'rtl')).toBe('left');
    expect(edgeOf('start', 'rtl')).toBe('right');
    expect(edgeOf('end', 'ltr')).toBe('right');
  });

  it('sits in a wide margin without reaching the text column', () => {
    const column = { left: 426, right: 1186 };
    const p = placePanel({ viewportWidth: 1280, column, layout: open, pageDir: 'rtl' });
    expect(p.mode).toBe('margin');
    expect(p.edge).toBe('left');
    expect(p.inset + p.width).toBeLessThan(column.left);
    expect(p.reserve).toBe(0);
  });

  it('moved to the other side, it uses that margin, and docks when that margin is too narrow', () => {
    const column = { left: 426, right: 1186 };
    const p = placePanel({ viewportWidth: 1280, column, layout: { collapsed: false, side: 'start' }, pageDir: 'rtl' });
    expect(p.edge).toBe('right');
    expect(p.mode).toBe('dock');
    // The page gives up at least the panel's width on that side, so the text moves, not under it.
    expect(p.reserve).toBeGreaterThanOrEqual(p.width);
  });

  it('docks when no text column was found', () => {
    const p = placePanel({ viewportWidth: 1000, column: null, layout: open, pageDir: 'ltr' });
    expect(p.mode).toBe('dock');
    expect(p.reserve).toBeGreaterThanOrEqual(p.width);
  });

  it('a margin just wide enough is used; one pixel less docks', () => {
    const atLeast = placePanel({ viewportWidth: 1400, column: { left: PANEL_MIN + 24, right: 1300 }, layout: open, pageDir: 'rtl' });
    expect(atLeast.mode).toBe('margin');
    const less = placePanel({ viewportWidth: 1400, column: { left: PANEL_MIN + 23, right: 1300 }, layout: open, pageDir: 'rtl' });
    expect(less.mode).toBe('dock');
  });

  it('folded, it is a small tab at the chosen edge that takes no room from the page', () => {
    const p = placePanel({ viewportWidth: 800, column: { left: 0, right: 800 }, layout: { collapsed: true, side: 'start' }, pageDir: 'rtl' });
    expect(p).toEqual({ mode: 'tab', edge: 'right', inset: 0, width: TAB_WIDTH, reserve: 0 });
  });
});

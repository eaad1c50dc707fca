// Where the in-page panel goes so that it never covers the article's text: in the page's margin
// beside the text column when there is room, else docked at the edge with the page moved aside
// to make room, or folded into a small tab at the edge.
import type { PanelLayout } from '../../lib/settings';

/** The article's text column, in viewport pixels. */
export interface Column {
  left: number;
  right: number;
}

export interface Placement {
  /** `margin`: beside the text; `dock`: the page gives up `reserve` px on that side; `tab`: folded. */
  mode: 'margin' | 'dock' | 'tab';
  edge: 'left' | 'right';
  /** Distance of the panel from its edge, and its width, in px. */
  inset: number;
  width: number;
  /** Space the page must leave free on `edge` (dock mode), else 0. */
  reserve: number;
}

export const PANEL_MIN = 280;
export const PANEL_MAX = 380;
export const TAB_WIDTH = 76;
const GAP = 12;

/** The physical edge of a layout side: `end` is the inline end, left on a right-to-left page. */
export function edgeOf(side: PanelLayout['side'], pageDir: 'rtl' | 'ltr'): 'left' | 'right' {
  return (side === 'end') === (pageDir === 'rtl') ? 'left' : 'right';
}

export function placePanel(o: { viewportWidth: number; column: Column | null; layout: PanelLayout; pageDir: 'rtl' | 'ltr' }): Placement {
  const edge = edgeOf(o.layout.side, o.pageDir);
  if (o.layout.collapsed) return { mode: 'tab', edge, inset: 0, width: TAB_WIDTH, reserve: 0 };
  const margin = o.column ? (edge === 'left' ? o.column.left : o.viewportWidth - o.column.right) : 0;
  const room = margin - 2 * GAP;
  if (room >= PANEL_MIN) {
    return { mode: 'margin', edge, inset: GAP, width: Math.min(PANEL_MAX, room), reserve: 0 };
  }
  // No margin wide enough: the page gives up the panel's width on that side (all of it, since a
  // centred page re-centres in what is left), so the text moves aside instead of being covered.
  const width = Math.max(240, Math.min(PANEL_MAX, Math.round(o.viewportWidth * 0.32)));
  return { mode: 'dock', edge, inset: 0, width, reserve: width + GAP };
}

// Readability reaches the content script only on a page that needs it: the background injects
// READABILITY_SCRIPT into the tab, in the content script's own world, and that script puts the
// cascade's last step here. Page scripts live in another world and never see it.
import type { ReadabilityStep } from './cascade';

/** The built script that provides it (entrypoints/content-readability.ts). */
export const READABILITY_SCRIPT = '/content-readability.js';

const SLOT = '__isnadReadability';
type Slot = { [SLOT]?: ReadabilityStep };

export function provideReadability(step: ReadabilityStep): void {
  (globalThis as Slot)[SLOT] = step;
}

/** The last step, once injected; null before. */
export function loadedReadability(): ReadabilityStep | null {
  return (globalThis as Slot)[SLOT] ?? null;
}

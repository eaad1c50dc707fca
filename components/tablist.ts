// Keyboard model of a tablist (WAI-ARIA Authoring Practices, automatic activation): arrows move
// along the reading direction, Home and End jump to the ends, focus wraps around.

/** The tab to select after a key press, or null when the key is not the tablist's. */
export function tabKeyTarget(key: string, index: number, count: number, dir: 'rtl' | 'ltr'): number | null {
  if (count <= 0) return null;
  const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case forward:
      return (index + 1) % count;
    case back:
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

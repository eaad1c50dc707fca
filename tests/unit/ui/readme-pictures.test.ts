// The README's pictures are of the current build: its first picture (docs/start.png) is written by
// the same screenshot run as every other (npm run screenshots), as a copy of the Arabic light
// article view; and every picture the README shows exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe("the README's pictures", () => {
  it('start.png is the screenshot run\'s article view, not a picture of its own', () => {
    expect(readFileSync(join(ROOT, 'docs/start.png')).equals(readFileSync(join(ROOT, 'docs/screenshots/article-panel-ar-light.png')))).toBe(true);
  });

  it('every picture the README links exists', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map((m) => m[1]!);
    expect(pictures.length).toBeGreaterThan(10);
    for (const p of pictures) expect(existsSync(join(ROOT, p)), p).toBe(true);
  });
});

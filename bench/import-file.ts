// A synthetic corpus imported into a launched build as a reader imports a file: one JSON Lines file
// given to the options page's file input (parsed in the page, analysed in its workers, written by
// the service worker a part at a time). Shared by bench/browser.ts and bench/main-thread.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ReportRecord } from '../lib/types';

/**
 * Imports `records` through `page` (the options page, already open) and waits until the import is
 * done; `each` runs about once a second meanwhile (to sample the worker's heap, print progress).
 * Returns the import's wall time in ms.
 */
export async function importFile(page: Page, records: readonly ReportRecord[], each?: () => Promise<void>): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-bench-'));
  const file = join(dir, `bench-${records.length}.jsonl`);
  try {
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const t0 = Date.now();
    await page.setInputFiles('input[type=file]', file);
    for (;;) {
      const state = await page.getAttribute('.import-run', 'data-state').catch(() => null);
      if (state === 'done') break;
      await each?.();
      await new Promise((r) => setTimeout(r, 1000));
    }
    return Date.now() - t0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

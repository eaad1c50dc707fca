import { describe, expect, it } from 'vitest';
import { latestOutlets } from '../../../components/CorpusLatest';

describe("the Corpus tab's latest reports", () => {
  it('shows the outlets with most reports first, at most twelve, none without reports', () => {
    const byOutlet: Record<string, number> = { shaam: 2, 'orient-news': 5, eremnews: 2, none: 0 };
    for (let i = 0; i < 20; i++) byOutlet[`o${String(i).padStart(2, '0')}`] = 1;
    const out = latestOutlets({ reports: 29, byOutlet });
    expect(out.slice(0, 3)).toEqual(['orient-news', 'eremnews', 'shaam']);
    expect(out).toHaveLength(12);
    expect(out).not.toContain('none');
  });
});

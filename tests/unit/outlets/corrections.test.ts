// The reader's corrections: checked as untrusted storage, laid over the registry's facts.
import { describe, expect, it } from 'vitest';
import { correctedProfile, readCorrections } from '../../../lib/outlets/corrections';
import { factAt, outletById } from '../../../lib/outlets/profiles';

describe('outlet corrections', () => {
  it('keep only known outlets and facts with a source, valid dates and a known alignment', () => {
    const c = readCorrections({
      shaam: {
        owner: [{ value: { ar: 'مالك', en: 'Owner' }, source: 'https://example.org/who' }, { value: { ar: 'بلا مصدر' } }],
        alignment: [
          { value: 'opposition', from: '2011', until: '2024-12-08', source: 'Reader, interview 2020' },
          { value: 'friendly', source: 'x source' },
          { value: 'independent', from: '2025-01-01', until: '2024-01-01', source: 'backwards dates' },
          { value: 'independent', from: 'yesterday', source: 'bad date' },
        ],
      },
      'not-an-outlet': { owner: [{ value: { ar: 'س', en: 'X' }, source: 'https://x.example' }] },
      sana: 'garbage',
    });
    expect(Object.keys(c)).toEqual(['shaam']);
    expect(c.shaam!.owner).toEqual([{ value: { ar: 'مالك', en: 'Owner' }, source: 'https://example.org/who', byReader: true }]);
    expect(c.shaam!.alignment!.map((a) => a.value)).toEqual(['opposition', 'independent']);
    expect(readCorrections(null)).toEqual({});
    expect(readCorrections([1, 2])).toEqual({});
  });

  it('replace the registry\'s list for the outlet and leave its other facts and other outlets alone', () => {
    const c = readCorrections({ sana: { alignment: [{ value: 'independent', from: '2025-06-01', source: 'https://example.org/claim' }] } });
    const p = correctedProfile('sana', c)!;
    expect(factAt(p.alignment, '2025-06-02')).toMatchObject({ value: 'independent', byReader: true });
    expect(p.owner).toEqual(outletById('sana')!.owner);
    expect(correctedProfile('enab-baladi', c)).toEqual(outletById('enab-baladi'));
    expect(factAt(outletById('sana')!.alignment, '2025-06-02')?.value).toBe('transitional-government');
  });
});

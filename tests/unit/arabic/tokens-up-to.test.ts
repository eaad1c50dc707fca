import { describe, expect, it } from 'vitest';
import { scan, tokensBefore, tokensUpTo } from '../../../lib/arabic';

describe('tokensUpTo', () => {
  it("gives the tokens tokensBefore gives at every cut, and the scan's own array only where the cut runs through none of them", () => {
    const text = 'قصفت الطائرات مطار دمشق الدولي.\nوأفادت مصادر محلية بسقوط 12 قتيلاً في حلب';
    const { tokens } = scan(text);
    const lastEnd = tokens[tokens.length - 1]!.end;
    for (let cut = 0; cut <= text.length + 2; cut++) {
      const got = tokensUpTo(text, tokens, cut);
      expect(got).toEqual(tokensBefore(text, tokens, cut));
      if (cut >= lastEnd) expect(got).toBe(tokens);
      else expect(got).not.toBe(tokens);
    }
    expect(tokensUpTo('', [], 5)).toEqual([]);
  });
});

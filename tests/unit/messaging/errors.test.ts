// One way to say what went wrong, for any thrown value (an Error, a string a library threw, nothing).
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../lib/errors';

describe('errorMessage', () => {
  it("gives an Error's message and any other thrown value as text", () => {
    expect(errorMessage(new TypeError('bad input'))).toBe('bad input');
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage({ toString: () => 'custom' })).toBe('custom');
  });
});

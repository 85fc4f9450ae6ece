import { describe, expect, it } from 'vitest';
import { positionText } from '../../src/transportView';

describe('the transport position', () => {
  it('counts bars from one while playing and gives the length when stopped', () => {
    expect(positionText(0, 16)).toBe('Bar 1 of 16');
    expect(positionText(15, 16)).toBe('Bar 16 of 16');
    expect(positionText(undefined, 16)).toBe('16 bars');
  });
});

import { describe, expect, it } from 'vitest';
import { majorKeys, minorKeys } from '../../src/form';
import { nearKey } from '../../src/otherKey';

describe('the key offered beside "Same seed, other key"', () => {
  it('is a fifth up in the same mode', () => {
    expect(['C', 'F', 'Bb', 'Am', 'Dm', 'F#m'].map(nearKey)).toEqual(['G', 'C', 'F', 'Em', 'Am', 'C#m']);
  });

  it('is a fifth down from the sharpest keys, and never the key itself', () => {
    expect(nearKey('C#')).toBe('F#');
    expect(nearKey('A#m')).toBe('D#m');
    for (const key of [...majorKeys, ...minorKeys]) {
      expect(nearKey(key)).not.toBe(key);
      expect(key.endsWith('m')).toBe(nearKey(key).endsWith('m'));
    }
  });

  it('is G for a key it does not know', () => {
    expect(nearKey('H')).toBe('G');
  });
});

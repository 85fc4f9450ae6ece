import { describe, expect, it } from 'vitest';
import { onsetSeconds } from '../../src/player';

describe('score onsets → playback seconds', () => {
  it('converts whole-note onsets through the MIDI tempo map', () => {
    // 480 ticks per quarter at 120 bpm: a quarter is half a second.
    const ticksToSeconds = (ticks: number) => (ticks / 480) * 0.5;
    expect(onsetSeconds([0, 0.25, 0.375, 1], 480, ticksToSeconds)).toEqual([0, 0.5, 0.75, 2]);
  });
});

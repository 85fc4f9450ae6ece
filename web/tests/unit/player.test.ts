import { describe, expect, it } from 'vitest';
import { barTicks, beatQuarters, beatsPerBar, loopTicks, quarterBpm, writtenBpm, type SheetTiming } from '../../src/timing';

const sixEight: SheetTiming = { ppq: 480, quarterBpm: 150, meter: [6, 8], bars: 8 };

describe('sheet timing', () => {
  it('counts the written beat as the sheet prints it', () => {
    expect(beatQuarters([4, 4])).toBe(1);
    expect(beatQuarters([6, 8])).toBe(1.5);
    expect(beatQuarters([12, 8])).toBe(1.5);
    expect(beatQuarters([2, 2])).toBe(2);
    expect(beatsPerBar([6, 8])).toBe(2);
    expect(beatsPerBar([12, 8])).toBe(4);
    expect(beatsPerBar([3, 4])).toBe(3);
    // MIDI stores 150 quarters a minute for a 6/8 sheet marked dotted quarter = 100.
    expect(writtenBpm(sixEight)).toBe(100);
  });

  it('scales the Transport tempo by the playback rate, leaving the written one', () => {
    expect(quarterBpm(sixEight, 0.5)).toBe(75);
    expect(quarterBpm(sixEight, 2)).toBe(300);
    expect(writtenBpm(sixEight)).toBe(100);
  });

  it('turns a bar range into loop points at bar lines, clamped to the sheet', () => {
    expect(barTicks(480, [6, 8])).toBe(1440);
    expect(loopTicks(sixEight, { fromBar: 2, toBar: 3 })).toEqual({ start: 1440, end: 4320 });
    expect(loopTicks(sixEight, { fromBar: 1, toBar: 99 })).toEqual({ start: 0, end: 8 * 1440 });
    expect(loopTicks(sixEight, { fromBar: 5, toBar: 4 })).toBeUndefined();
  });
});

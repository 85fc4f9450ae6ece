import { describe, expect, it } from 'vitest';
import { positionText, settingsFrom } from '../../src/transportView';

describe('the transport position', () => {
  it('counts bars from one while playing and gives the length when stopped', () => {
    expect(positionText(0, 16)).toBe('Bar 1 of 16');
    expect(positionText(15, 16)).toBe('Bar 16 of 16');
    expect(positionText(undefined, 16)).toBe('16 bars');
  });
});

describe('the transport controls → playback settings', () => {
  const timing = { ppq: 480, quarterBpm: 150, meter: [6, 8] as [number, number], bars: 8 };
  const mix = { volumeDb: 0, muted: false };
  const controls = { tempo: '100', loopMode: 'off', loopFrom: '1', loopTo: '4', countIn: false, melody: mix, chords: { volumeDb: -6, muted: true } };

  it('plays at the asked tempo in the written beat, as a rate of the written one', () => {
    expect(settingsFrom(controls, timing).rate).toBe(1);
    expect(settingsFrom({ ...controls, tempo: '50' }, timing).rate).toBe(0.5);
    // Unreadable or out of range: as written.
    expect(settingsFrom({ ...controls, tempo: '' }, timing).rate).toBe(1);
    expect(settingsFrom({ ...controls, tempo: '9999' }, timing).rate).toBe(1);
  });

  it('loops nothing, the whole sheet or the chosen bars', () => {
    expect(settingsFrom(controls, timing).loop).toBeUndefined();
    expect(settingsFrom({ ...controls, loopMode: 'sheet' }, timing).loop).toEqual({ fromBar: 1, toBar: 8 });
    expect(settingsFrom({ ...controls, loopMode: 'bars', loopFrom: '3', loopTo: '5' }, timing).loop).toEqual({ fromBar: 3, toBar: 5 });
  });

  it('carries the count-in and each track mix', () => {
    const settings = settingsFrom({ ...controls, countIn: true }, timing);
    expect(settings.countIn).toBe(true);
    expect(settings.chords).toEqual({ volumeDb: -6, muted: true });
  });
});

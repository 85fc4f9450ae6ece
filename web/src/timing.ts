// A sheet's time as the player counts it: MIDI ticks, bars, the written beat (a dotted quarter in 6/8 and 12/8, a half
// in 2/2) and the playback tempo as a multiple of the written one. Pure, so the arithmetic is unit-tested.

export interface SheetTiming {
  /** MIDI ticks per quarter note. */
  ppq: number;
  /** The written tempo in quarter notes per minute (what MIDI stores). */
  quarterBpm: number;
  meter: [number, number];
  bars: number;
}

/** Bars 1-based and inclusive, as a musician names them ("bars 5 to 8"). */
export interface BarRange {
  fromBar: number;
  toBar: number;
}

const compound = ([beats, unit]: readonly [number, number]): boolean => unit === 8 && beats % 3 === 0 && beats > 3;

/** Quarter notes in one written beat: 1.5 in 6/8 and 12/8, 2 in 2/2, 1 in 4/4, 3/4 and 2/4. */
export function beatQuarters(meter: readonly [number, number]): number {
  if (compound(meter)) return 1.5;
  return 4 / meter[1];
}

/** Written beats in a bar: what a count-in clicks (two in 6/8, four in 12/8, two in 2/2). */
export function beatsPerBar(meter: readonly [number, number]): number {
  return compound(meter) ? meter[0] / 3 : meter[0];
}

export const barTicks = (ppq: number, [beats, unit]: readonly [number, number]): number => (ppq * 4 * beats) / unit;

/** The written tempo in beats per minute, as the sheet prints it. */
export const writtenBpm = (timing: SheetTiming): number => Math.round(timing.quarterBpm / beatQuarters(timing.meter));

/** The Transport's quarter notes per minute for a playback rate. */
export const quarterBpm = (timing: SheetTiming, rate: number): number => timing.quarterBpm * rate;

/** A bar range clamped to the sheet, as Transport loop points in ticks; undefined when it is not a range at all. */
export function loopTicks(timing: SheetTiming, range: BarRange): { start: number; end: number } | undefined {
  const from = Math.max(1, Math.floor(range.fromBar));
  const to = Math.min(timing.bars, Math.floor(range.toBar));
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return undefined;
  const bar = barTicks(timing.ppq, timing.meter);
  return { start: (from - 1) * bar, end: to * bar };
}

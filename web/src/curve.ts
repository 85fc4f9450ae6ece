// A per-bar curve of whole-number levels (valence -2..2, density 0..2): the pure logic behind the drawn control,
// kept apart from the DOM so resizing, keyboard steps and pointer mapping are unit-tested.

export interface CurveRange {
  min: number;
  max: number;
}

export const valenceRange: CurveRange = { min: -2, max: 2 };

const clamp = (value: number, { min, max }: CurveRange): number => Math.min(max, Math.max(min, Math.round(value)));

/** A flat curve of `bars` values. */
export const flatCurve = (bars: number, value: number, range: CurveRange): number[] =>
  Array.from({ length: Math.max(0, bars) }, () => clamp(value, range));

/**
 * The curve for a new number of bars: existing bars keep their values, new ones continue the last bar's value, so
 * changing the length never throws away what was drawn.
 */
export function resizeCurve(values: readonly number[], bars: number, fill: number): number[] {
  const count = Math.max(0, Math.floor(bars));
  const last = values.length > 0 ? values[values.length - 1]! : fill;
  return Array.from({ length: count }, (_, i) => (i < values.length ? values[i]! : last));
}

/**
 * The curve as drawn, over a memory of earlier drawing: the memory is longer than the curve after the bar count was
 * trimmed (or passed through "1" while "16" was typed), so extending again brings the drawn bars back.
 */
export const remember = (memory: readonly number[], curve: readonly number[]): number[] => [...curve, ...memory.slice(curve.length)];

export const setBar = (values: readonly number[], bar: number, value: number, range: CurveRange): number[] =>
  values.map((v, i) => (i === bar ? clamp(value, range) : v));

/** Values along a drag from one bar to another, so a fast pointer that skips bars still draws every one between. */
export function drawLine(values: readonly number[], from: { bar: number; value: number }, to: { bar: number; value: number }, range: CurveRange): number[] {
  const next = [...values];
  const span = Math.abs(to.bar - from.bar);
  for (let step = 0; step <= span; step++) {
    const t = span === 0 ? 1 : step / span;
    const bar = from.bar + Math.sign(to.bar - from.bar) * step;
    if (bar >= 0 && bar < next.length) {
      next[bar] = clamp(from.value + (to.value - from.value) * t, range);
    }
  }
  return next;
}

/** Maps a pointer position inside the drawing (0..1 across, 0..1 down) to a bar and a level. */
export function pointToBar(x: number, y: number, bars: number, range: CurveRange): { bar: number; value: number } {
  const bar = Math.min(bars - 1, Math.max(0, Math.floor(x * bars)));
  const value = clamp(range.max - Math.min(1, Math.max(0, y)) * (range.max - range.min), range);
  return { bar, value };
}

export interface KeyOutcome {
  values: number[];
  /** The bar that has focus afterwards. */
  bar: number;
}

/**
 * One key press on the focused bar, following the ARIA slider pattern: up/down change its value, Home/End go to the
 * extremes, and left/right move between bars (the curve is one tab stop). Returns undefined for other keys.
 */
export function applyKey(values: readonly number[], bar: number, key: string, range: CurveRange): KeyOutcome | undefined {
  const current = values[bar] ?? range.min;
  const last = values.length - 1;
  switch (key) {
    case 'ArrowUp':
    case 'PageUp':
      return { values: setBar(values, bar, current + 1, range), bar };
    case 'ArrowDown':
    case 'PageDown':
      return { values: setBar(values, bar, current - 1, range), bar };
    case 'Home':
      return { values: setBar(values, bar, range.min, range), bar };
    case 'End':
      return { values: setBar(values, bar, range.max, range), bar };
    case 'ArrowLeft':
      return { values: [...values], bar: Math.max(0, bar - 1) };
    case 'ArrowRight':
      return { values: [...values], bar: Math.min(last, bar + 1) };
    default:
      return undefined;
  }
}

export const average = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

import { describe, expect, it } from 'vitest';
import { applyKey, average, drawLine, flatCurve, pointToBar, remember, resizeCurve, setBar, valenceRange } from '../../src/curve';

describe('valence curve', () => {
  it('starts flat at a whole level inside the range', () => {
    expect(flatCurve(4, 1.4, valenceRange)).toEqual([1, 1, 1, 1]);
    expect(flatCurve(2, 7, valenceRange)).toEqual([2, 2]);
  });

  it('keeps drawn bars when the length changes and continues the last bar', () => {
    expect(resizeCurve([2, -1, 0], 5, 1)).toEqual([2, -1, 0, 0, 0]);
    expect(resizeCurve([2, -1, 0], 2, 1)).toEqual([2, -1]);
    expect(resizeCurve([], 3, 1)).toEqual([1, 1, 1]);
  });

  it('clamps and rounds what a bar is set to', () => {
    expect(setBar([0, 0, 0], 1, 5, valenceRange)).toEqual([0, 2, 0]);
    expect(setBar([0, 0, 0], 2, -1.6, valenceRange)).toEqual([0, 0, -2]);
  });

  it('fills every bar a fast drag skipped, along a straight line', () => {
    const drawn = drawLine([0, 0, 0, 0, 0], { bar: 0, value: -2 }, { bar: 4, value: 2 }, valenceRange);
    expect(drawn).toEqual([-2, -1, 0, 1, 2]);
    expect(drawLine([0, 0, 0], { bar: 2, value: 2 }, { bar: 0, value: 2 }, valenceRange)).toEqual([2, 2, 2]);
  });

  it('maps a pointer to the bar under it and the level at its height', () => {
    expect(pointToBar(0, 0, 8, valenceRange)).toEqual({ bar: 0, value: 2 });
    expect(pointToBar(0.99, 1, 8, valenceRange)).toEqual({ bar: 7, value: -2 });
    expect(pointToBar(0.5, 0.5, 8, valenceRange)).toEqual({ bar: 4, value: 0 });
    // Outside the box (captured pointer) stays on the edge bars and levels.
    expect(pointToBar(1.5, -0.2, 8, valenceRange)).toEqual({ bar: 7, value: 2 });
  });

  it('follows the slider keys: up/down change the bar, left/right move between bars, Home/End jump', () => {
    const values = [0, 1, -1];
    expect(applyKey(values, 1, 'ArrowUp', valenceRange)).toEqual({ values: [0, 2, -1], bar: 1 });
    expect(applyKey([0, 2, -1], 1, 'ArrowUp', valenceRange)).toEqual({ values: [0, 2, -1], bar: 1 });
    expect(applyKey(values, 2, 'ArrowDown', valenceRange)).toEqual({ values: [0, 1, -2], bar: 2 });
    expect(applyKey(values, 0, 'Home', valenceRange)).toEqual({ values: [-2, 1, -1], bar: 0 });
    expect(applyKey(values, 0, 'End', valenceRange)).toEqual({ values: [2, 1, -1], bar: 0 });
    expect(applyKey(values, 0, 'ArrowRight', valenceRange)?.bar).toBe(1);
    expect(applyKey(values, 2, 'ArrowRight', valenceRange)?.bar).toBe(2);
    expect(applyKey(values, 0, 'ArrowLeft', valenceRange)?.bar).toBe(0);
    expect(applyKey(values, 0, 'Tab', valenceRange)).toBeUndefined();
  });

  it('averages', () => {
    expect(average([2, -1, 0, 3])).toBe(1);
    expect(average([])).toBe(0);
  });
});

describe('remember', () => {
  it('keeps the bars beyond a trimmed curve and takes the curve where both have bars', () => {
    expect(remember([1, 2, 3, 4], [0, 0])).toEqual([0, 0, 3, 4]);
    expect(remember([1], [2, 2, 2])).toEqual([2, 2, 2]);
    expect(remember([], [])).toEqual([]);
  });
});

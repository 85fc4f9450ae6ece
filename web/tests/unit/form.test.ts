import { describe, expect, it } from 'vitest';
import { controlFor, fromRequest, initialValues, limitsOf, modelHelpText, routeErrors, toRequest, withBars } from '../../src/form';

describe('form → request', () => {
  it('sends every field the form shows, typed as the API reads them', () => {
    const values = {
      ...initialValues(),
      model: 'lstm', key: 'F#m', tempo: '120', timeSignature: '6/8', bars: '12', temperature: '0.8', topP: '0.9',
      valence: '-1.5', density: 'high' as const, seed: '18446744073709551615', variations: '3', form: " A A'BA ", layout: 'lead-sheet' as const,
    };

    expect(toRequest(values)).toEqual({
      request: {
        model: 'lstm', key: 'F#m', tempo: 120, timeSignature: '6/8', bars: 12, temperature: 0.8, topP: 0.9,
        valence: -1.5, density: 'high', seed: '18446744073709551615', variations: 3, form: "A A'BA", layout: 'lead-sheet',
      },
      errors: {},
    });
  });

  it('sends a progression with its spacing tidied, and catches an empty bar before sending', () => {
    expect(toRequest({ ...initialValues(), chords: '  C |Am   F\tG| _ ' }).request.chords).toBe('C |Am F G| _');
    const { request, errors } = toRequest({ ...initialValues(), chords: 'C | | G' });
    expect(request).not.toHaveProperty('chords');
    expect(errors.chords).toEqual(['Bar 2 of the progression is empty: write a chord symbol, or _ to leave the bar free.']);
    expect(toRequest({ ...initialValues(), chords: '   ' }).request).not.toHaveProperty('chords');
    expect(fromRequest({ chords: 'Eb | Cm' }).chords).toBe('Eb | Cm');
    expect(controlFor('chords', { valenceMode: 'single', densityMode: 'single' })).toBe('chords');
  });

  it('leaves blank optional fields out so the server chooses', () => {
    const { request } = toRequest({ ...initialValues(), topP: '', seed: ' ', form: '  ' });
    expect(request).not.toHaveProperty('topP');
    expect(request).not.toHaveProperty('seed');
    expect(request).not.toHaveProperty('form');
  });

  it('sends the curves as per-bar arrays in the curve modes', () => {
    const values = { ...withBars(initialValues(), '8'), valenceMode: 'curve' as const, densityMode: 'curve' as const };
    values.valenceCurve = [-2, -1, 0, 1, 2, 1, 0, -1];
    values.densityCurve = [0, 1, 2, 2, 1, 0, 0, 1];

    const { request } = toRequest(values);

    expect(request.valence).toEqual([-2, -1, 0, 1, 2, 1, 0, -1]);
    expect(request.density).toEqual(['low', 'med', 'high', 'high', 'med', 'low', 'low', 'med']);
  });

  it('sends an uploaded primer as its text, and no primer when it is cleared', () => {
    const text = '<score-partwise version="4.0"></score-partwise>';
    expect(toRequest({ ...initialValues(), primer: text }).request.primer).toBe(text);
    expect(toRequest(initialValues()).request).not.toHaveProperty('primer');
    expect(fromRequest({ primer: text }).primer).toBe(text);
    expect(controlFor('primer', { valenceMode: 'single', densityMode: 'single' })).toBe('primer');
  });

  it('passes out-of-range numbers through for the server to judge against the model', () => {
    expect(toRequest({ ...initialValues(), bars: '99' }).request.bars).toBe(99);
  });

  it('reports text that cannot be sent, in the server problem shape', () => {
    const { errors } = toRequest({ ...initialValues(), bars: '12.5', tempo: 'fast', seed: '-3' });
    expect(Object.keys(errors).sort()).toEqual(['bars', 'seed', 'tempo']);
    expect(errors.bars).toEqual(['Enter a whole number.']);
  });
});

describe('request → form', () => {
  it('shows the server defaults for an empty request', () => {
    const values = fromRequest({});
    expect(values).toMatchObject({ model: 'transformer', key: 'C', tempo: '100', timeSignature: '4/4', bars: '16', temperature: '1', topP: '', valenceMode: 'single', valence: '', densityMode: 'single', density: 'med', seed: '', variations: '1', form: '' });
    expect(values.valenceCurve).toHaveLength(16);
    // A bare form asks no valence, so the server follows a real song's mood curve.
    expect(toRequest(values).request.valence).toBeUndefined();
    expect(values.densityCurve).toEqual(new Array(16).fill(1));
  });

  it('round-trips a request with curves', () => {
    const request = {
      model: 'lstm', key: 'Eb', tempo: 90, timeSignature: '3/4', bars: 8, temperature: 1.2, topP: 0.95,
      valence: [2, 2, 1, 0, -1, -2, -2, 0], density: ['low', 'low', 'med', 'med', 'high', 'high', 'med', 'low'] as const,
      seed: '42', variations: 2, form: 'AABA', layout: 'lead-sheet' as const,
    };
    expect(toRequest(fromRequest({ ...request, density: [...request.density] })).request).toEqual({ ...request, density: [...request.density] });
  });
});

describe('bars and model limits', () => {
  it('resizes both curves with the bar count and ignores unreadable counts', () => {
    const eight = withBars(initialValues(), '8');
    expect(eight.valenceCurve).toHaveLength(8);
    expect(eight.densityCurve).toHaveLength(8);
    const unreadable = withBars(eight, '');
    expect(unreadable.bars).toBe('');
    expect(unreadable.valenceCurve).toHaveLength(8);
  });

  it('gives back the drawn bars when a trimmed curve is extended again, as typing "16" passes through "1"', () => {
    const drawnValence = [-2, -1, 0, 1, 2, 1, 0, -1, -2, -2, 2, 2];
    const drawn = { valence: drawnValence, density: drawnValence.map((v) => Math.abs(v) % 3) };
    const one = withBars({ ...initialValues(), valenceCurve: drawnValence }, '1', drawn);
    expect(one.valenceCurve).toEqual([-2]);

    const again = withBars(one, '12', drawn);
    expect(again.valenceCurve).toEqual(drawnValence);
    expect(again.densityCurve).toEqual(drawn.density);

    // Past what was drawn, the last drawn bar carries on.
    expect(withBars(one, '14', drawn).valenceCurve.slice(11)).toEqual([2, 2, 2]);
  });

  it("takes the bar range and meters from the model's card, with a fallback while none is loaded", () => {
    expect(limitsOf({ name: 'lstm', architecture: 'lstm', description: '', minBars: 8, maxBars: 32, timeSignatures: ['4/4', '3/4'] }))
      .toEqual({ minBars: 8, maxBars: 32, timeSignatures: ['4/4', '3/4'] });
    expect(limitsOf(undefined).timeSignatures).toContain('4/4');
  });
});

describe('problem fields → controls', () => {
  it('maps each request field to its input, valence and density by mode', () => {
    expect(controlFor('bars', { valenceMode: 'single', densityMode: 'single' })).toBe('bars');
    expect(controlFor('form', { valenceMode: 'single', densityMode: 'single' })).toBe('form');
    expect(controlFor('valence', { valenceMode: 'single', densityMode: 'single' })).toBe('valence');
    expect(controlFor('valence', { valenceMode: 'curve', densityMode: 'single' })).toBe('valence-curve');
    expect(controlFor('density', { valenceMode: 'single', densityMode: 'curve' })).toBe('density-curve');
    expect(controlFor('Idempotency-Key', { valenceMode: 'single', densityMode: 'single' })).toBeUndefined();
  });

  it('routes field errors to controls and the rest to the alert', () => {
    const routed = routeErrors(
      { bars: ['Bars must be between 8 and 40.'], valence: ['A valence curve needs one value per bar.'], color: ["'color' is not a field."] },
      { valenceMode: 'curve', densityMode: 'single' },
    );
    expect([...routed.byControl.entries()]).toEqual([
      ['bars', ['Bars must be between 8 and 40.']],
      ['valence-curve', ['A valence curve needs one value per bar.']],
    ]);
    expect(routed.unplaced).toEqual(["color: 'color' is not a field."]);
  });
});

describe('the model help line', () => {
  it('shows the card summary, or the bar range when there is none, never the description', () => {
    expect(modelHelpText({ summary: 'Follows the mood closely.', minBars: 8, maxBars: 40 })).toBe('Follows the mood closely.');
    expect(modelHelpText({ minBars: 8, maxBars: 32 })).toBe('Writes 8 to 32 bars.');
  });
});

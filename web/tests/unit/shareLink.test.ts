import { describe, expect, it } from 'vitest';
import type { GenerationRequest } from '../../src/contract';
import { fromRequest, initialValues, toRequest } from '../../src/form';
import { readSettings } from '../../src/savedSettings';
import { settingsFromQuery, shareQuery, shareUrl } from '../../src/shareLink';

/** Every field the form sends, none at its default. */
const everything: GenerationRequest = {
  model: 'lstm', temperature: 0.85, topP: 0.9, timeSignature: '6/8', bars: 8, valence: -1.5, density: 'high', key: 'F#m',
  form: "AA'", chords: 'Am | Dm E7 | _ | Am', tempo: 132, seed: '18446744073709551615', variations: 3, layout: 'lead-sheet',
};

describe('share link', () => {
  it('round-trips every field, through the query and through the form', () => {
    expect(settingsFromQuery(shareQuery(everything))).toEqual(everything);
    expect(settingsFromQuery(`?${shareQuery(everything)}`)).toEqual(everything);
    // What the link fills in is what the form sends again.
    expect(toRequest(fromRequest(settingsFromQuery(shareQuery(everything))))).toEqual({ request: everything, errors: {} });
  });

  it('leaves a primer out: a whole MusicXML file does not go in an address', () => {
    const query = shareQuery({ ...everything, primer: '<score-partwise>…</score-partwise>' });
    expect(query).toBe(shareQuery(everything));
    expect(settingsFromQuery(`?${query}&primer=%3Cscore-partwise%2F%3E`)).toEqual(everything);
  });

  it('round-trips valence and density curves, one value per bar', () => {
    const curves: GenerationRequest = { bars: 8, valence: [-2, -1, 0, 1, 2, 1, 0, -1], density: ['low', 'med', 'high', 'high', 'med', 'low', 'low', 'med'] };
    expect(shareQuery(curves)).toContain('valence=-2%2C-1%2C0');
    expect(settingsFromQuery(shareQuery(curves))).toEqual(curves);
    const values = fromRequest(settingsFromQuery(shareQuery(curves)));
    expect(values.valenceMode).toBe('curve');
    expect(values.densityMode).toBe('curve');
    expect(toRequest(values).request).toMatchObject(curves);
  });

  it('round-trips the form as it starts', () => {
    const start = toRequest(initialValues()).request;
    expect(settingsFromQuery(shareQuery(start))).toEqual(start);
  });

  it('drops each bad or unknown value on its own and keeps the rest', () => {
    const read = settingsFromQuery(
      '?bars=abc&key=H&tempo=120&foo=1&valence=9&density=loud&temperature=0x1&topP=&seed=12a&variations=9' +
      '&layout=poster&timeSignature=4%2F4%3Cscript%3E&model=..%2F..%2Fetc&form=AABA&primer=x',
    );
    expect(read).toEqual({ tempo: 120, form: 'AABA' });
  });

  it('drops out-of-range numbers, fractions where whole numbers go, and seeds past 2^64 - 1', () => {
    expect(settingsFromQuery('?tempo=12.5&bars=7&variations=0&temperature=2&topP=0&valence=-2.5')).toEqual({});
    expect(settingsFromQuery('?seed=18446744073709551616')).toEqual({});
    expect(settingsFromQuery('?seed=0')).toEqual({ seed: '0' });
    expect(settingsFromQuery('?valence=2&bars=40')).toEqual({ valence: 2, bars: 40 });
  });

  it('drops a curve with a bad value or for another number of bars', () => {
    expect(settingsFromQuery('?bars=8&valence=1,1,1,1,1,1,1,3')).toEqual({ bars: 8 });
    expect(settingsFromQuery('?bars=8&valence=1,1,1,1,1,1,1,0.5')).toEqual({ bars: 8 });
    expect(settingsFromQuery('?bars=8&density=low,low')).toEqual({ bars: 8 });
    // No bar count: the curve must fit the default of 16.
    expect(settingsFromQuery(`?valence=${Array(16).fill(1).join(',')}`)).toEqual({ valence: Array(16).fill(1) });
    expect(settingsFromQuery(`?valence=${Array(8).fill(1).join(',')}`)).toEqual({});
  });

  it('never throws, whatever it is given', () => {
    for (const raw of [null, undefined, 3, 'text', [], { bars: {} }, { valence: [null] }, { density: 7 }, { seed: 1e30 }]) {
      expect(() => readSettings(raw)).not.toThrow();
    }
    expect(readSettings({ bars: 12, seed: 42, valence: [0, 0] })).toEqual({ bars: 12, seed: '42' });
    expect(() => settingsFromQuery('?%E0%A4%A=1&bars=%ZZ')).not.toThrow();
  });

  it('puts the settings in the page address, replacing its old query and keeping the path', () => {
    expect(shareUrl('http://h:5000/app/?seed=1&junk=2#results', { seed: '7', bars: 8 })).toBe('http://h:5000/app/?bars=8&seed=7#results');
  });
});

import { describe, expect, it } from 'vitest';
import { freshSeed, generationIdOf, readRange, regenerateRequest, routeRewriteErrors, selectBar, spanLabel, spanText, Takes, unwritableRewrite } from '../../src/rewrite';

describe('selecting bars on the sheet', () => {
  it('picks one bar, then reaches to the second bar clicked, in either direction', () => {
    const first = selectBar(undefined, 5, false);
    expect(first).toEqual({ anchor: 5, range: { first: 5, last: 5 } });
    expect(selectBar(first, 8, false).range).toEqual({ first: 5, last: 8 });
    expect(selectBar(first, 2, false).range).toEqual({ first: 2, last: 5 });
  });

  it('starts again on a plain click once a range is shown, and a shift-click moves its far end', () => {
    const range = selectBar(selectBar(undefined, 5, false), 8, false);
    expect(selectBar(range, 11, false)).toEqual({ anchor: 11, range: { first: 11, last: 11 } });
    expect(selectBar(range, 12, true)).toEqual({ anchor: 5, range: { first: 5, last: 12 } });
    expect(selectBar(range, 3, true).range).toEqual({ first: 3, last: 5 });
    expect(selectBar(undefined, 4, true)).toEqual({ anchor: 4, range: { first: 4, last: 4 } });
  });

  it('writes a span as the API reads it and as the page says it', () => {
    expect(spanText({ first: 5, last: 8 })).toBe('5-8');
    expect(spanText({ first: 7, last: 7 })).toBe('7');
    expect(spanLabel({ first: 5, last: 8 })).toBe('bars 5–8');
    expect(spanLabel({ first: 7, last: 7 })).toBe('bar 7');
  });
});

describe('the from-bar and to-bar inputs', () => {
  it('read a range inside the sheet, one bar or the whole sheet included', () => {
    expect(readRange('5', ' 8 ', 16)).toEqual({ range: { first: 5, last: 8 } });
    expect(readRange('3', '3', 16)).toEqual({ range: { first: 3, last: 3 } });
    expect(readRange('1', '16', 16)).toEqual({ range: { first: 1, last: 16 } });
  });

  it('say what is wrong with each input', () => {
    expect(readRange('', '4', 16).errors).toEqual({ from: ['Enter a bar number, 1 to 16.'] });
    expect(readRange('2.5', 'x', 16).errors).toEqual({ from: ['Enter a whole bar number.'], to: ['Enter a whole bar number.'] });
    expect(readRange('0', '17', 16).errors).toEqual({ from: ['The sheet has bars 1 to 16.'], to: ['The sheet has bars 1 to 16.'] });
    expect(readRange('-1', '4', 16).errors).toEqual({ from: ['Enter a whole bar number.'] });
    expect(readRange('9', '5', 16).errors).toEqual({ to: ['The last bar comes at or after bar 9.'] });
  });
});

describe('the regenerate request', () => {
  it('names the source generation, its variation and the span, with a seed and nothing else', () => {
    expect(regenerateRequest({ generation: 'abc123', variation: 2 }, { first: 5, last: 8 }, '77')).toEqual({
      regenerate: { generation: 'abc123', variation: 2, bars: '5-8' },
      seed: '77',
    });
  });

  it('draws a seed unlike the one the sheet was written with', () => {
    const draws = [42, 42, 7];
    expect(freshSeed('42', () => draws.shift()!)).toBe('7');
    expect(freshSeed(undefined, () => 42)).toBe('42');
    expect(freshSeed('1')).toMatch(/^\d{1,10}$/);
  });

  it('reads the generation id from a status URL, absolute or relative', () => {
    expect(generationIdOf('http://127.0.0.1:5000/api/generations/3fa2b1c9')).toBe('3fa2b1c9');
    expect(generationIdOf('/api/generations/a%2Db')).toBe('a-b');
  });

  it("puts the server's word on the span beside the bar inputs and the rest under the button", () => {
    expect(routeRewriteErrors({
      'regenerate.bars': ['Bars 15-18 go past the sheet\'s 16 bars.'],
      'regenerate.generation': ["There is no finished generation 'x' to rewrite."],
      seed: ['Bad seed.'],
    })).toEqual({
      range: ["Bars 15-18 go past the sheet's 16 bars."],
      other: ["There is no finished generation 'x' to rewrite.", 'Bad seed.'],
    });
  });
});

describe('the takes of one sheet', () => {
  it('undoes rewrites one at a time back to the first take, which stays', () => {
    const takes = new Takes('first');
    expect(takes.canUndo).toBe(false);
    takes.push('second');
    takes.push('third');
    expect([takes.current, takes.depth]).toEqual(['third', 2]);
    expect(takes.undo()).toBe('second');
    expect(takes.undo()).toBe('first');
    expect(takes.canUndo).toBe(false);
    expect(takes.undo()).toBe('first');
  });
});

describe('a rewrite sent again from the history', () => {
  it('says a source the server no longer has as such, without marking any setting', () => {
    const gone = unwritableRewrite({
      type: 'urn:sithsynth:problem:invalid-request', title: 'The request is not valid.', status: 400,
      errors: { 'regenerate.generation': ["There is no finished generation 'abc' to rewrite."] },
    });
    expect(gone).toEqual({
      type: 'urn:sithsynth:problem:invalid-request', status: 400, title: 'This rewrite cannot be written again.',
      detail: "There is no finished generation 'abc' to rewrite. Its source sheet is no longer on the server: open the generation it came from and rewrite those bars there.",
    });
    expect(gone).not.toHaveProperty('errors');
    expect(unwritableRewrite({ type: 'about:blank', title: 'That was not found.', status: 410 }).detail).toBe('That was not found. Its source sheet is no longer on the server: open the generation it came from and rewrite those bars there.');
  });

  it('keeps any other refusal as the server said it', () => {
    expect(unwritableRewrite({ type: 'urn:sithsynth:problem:busy', title: 'The service is busy.', status: 503, detail: 'Try again in a minute.' }))
      .toEqual({ type: 'urn:sithsynth:problem:busy', status: 503, title: 'This rewrite cannot be written again.', detail: 'The service is busy. Try again in a minute.' });
    expect(unwritableRewrite({ type: 'x', title: 'Bad.', status: 400, errors: { 'regenerate.bars': ['The sheet has bars 1 to 8.'] } }).detail).toBe('The sheet has bars 1 to 8.');
  });
});

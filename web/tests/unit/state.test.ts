import { describe, expect, it } from 'vitest';
import type { GenerationStatusDocument } from '../../src/contract';
import { initialView, isBusy, progressText, reduce, type GenerationEvent } from '../../src/state';

const status = (extra: Partial<GenerationStatusDocument>): GenerationStatusDocument => ({
  id: 'g', status: 'running', stage: 'generating', progress: 0.4, createdAt: '', lastUpdatedAt: '', timings: [], ...extra,
});

const run = (...events: GenerationEvent[]) => events.reduce(reduce, initialView);

describe('generation lifecycle', () => {
  it('goes from sending to waiting with stage, detail and progress to done', () => {
    let view = run({ type: 'submit' });
    expect(isBusy(view)).toBe(true);
    expect(progressText(view)).toBe('Sending the request…');

    view = reduce(view, { type: 'accepted', statusUrl: 'http://h/api/generations/g' });
    expect(view.statusUrl).toBe('http://h/api/generations/g');
    expect(progressText(view)).toBe('Queued (0%)');

    view = reduce(view, { type: 'status', status: status({ detail: 'generating variation 2 of 4', progress: 0.45 }) });
    expect(progressText(view)).toBe('Generating — generating variation 2 of 4 (45%)');

    const variation = { variation: 1, seed: '1', analysis: { averageValence: 0, inKeyRatio: 1, restRatio: 0, valence: [], density: [], notes: [] }, files: {} as never };
    view = reduce(view, { type: 'status', status: status({ status: 'completed', stage: 'done', progress: 1, variations: [variation] }) });
    expect(view.phase).toBe('completed');
    expect(isBusy(view)).toBe(false);
    expect(view.variations).toEqual([variation]);
    expect(progressText(view)).toBe('Done: 1 sheet.');
  });

  it('puts field errors of an invalid request on the fields, not in the alert', () => {
    const view = run({ type: 'submit' }, { type: 'problem', problem: { type: 't', title: 'The generation request is invalid.', status: 400, detail: 'Fix…', errors: { bars: ['no'] } } });
    expect(view.phase).toBe('idle');
    expect(view.fieldErrors).toEqual({ bars: ['no'] });
    expect(view.error).toBeUndefined();
  });

  it('puts other problems in the alert as a sentence', () => {
    const view = run({ type: 'submit' }, { type: 'problem', problem: { type: 't', title: 'The request body is too large.', status: 413, detail: 'At most 65536 bytes.' } });
    expect(view.error).toBe('The request body is too large. At most 65536 bytes.');
  });

  it('says where a generation failed, with the first line of the message only', () => {
    const view = run({ type: 'submit' }, { type: 'accepted', statusUrl: 's' }, {
      type: 'status',
      status: status({ status: 'failed', stage: 'failed', error: { stage: 'rendering', variation: 2, errorType: 'System.IO.IOException', message: 'Disk full.\n   at Foo.Bar() in X.cs:line 3' } }),
    });
    expect(view.phase).toBe('failed');
    expect(view.error).toBe('The generation failed (variation 2, rendering): Disk full.');
    expect(view.error).not.toContain('IOException');
  });

  it('clears old errors on a new submit but keeps the last results on screen', () => {
    const before = { ...initialView, phase: 'completed' as const, variations: [{} as never], fieldErrors: { bars: ['x'] }, error: 'old' };
    const view = reduce(before, { type: 'submit' });
    expect(view.fieldErrors).toEqual({});
    expect(view.error).toBeUndefined();
    expect(view.variations).toHaveLength(1);
  });

  it('clamps a progress value the server should never send', () => {
    expect(run({ type: 'status', status: status({ progress: 7 }) }).progress).toBe(1);
    expect(run({ type: 'status', status: status({ progress: Number.NaN }) }).progress).toBe(0);
  });

  it('shows a canceled generation as canceled', () => {
    const view = run({ type: 'submit' }, { type: 'accepted', statusUrl: 's' }, { type: 'canceled' });
    expect(view.phase).toBe('canceled');
    expect(progressText(view)).toBe('Canceled.');
  });

  it('shows client-side problems like server ones', () => {
    const view = run({ type: 'invalid', errors: { tempo: ['Enter a whole number.'] } });
    expect(view.fieldErrors).toEqual({ tempo: ['Enter a whole number.'] });
    expect(view.phase).toBe('idle');
  });
});

import { describe, expect, it } from 'vitest';
import type { GenerationRequest, VariationDocument } from '../../src/contract';
import {
  describeEntry, historyEntry, historyKey, historyLimit, keyName, readHistory, rewriteEntry, rewrittenAgain, withEntry, writeHistory,
  type GenerationEntry, type HistoryEntry, type RewriteEntry,
} from '../../src/history';
import { regenerateRequest } from '../../src/rewrite';

/** localStorage's shape over a Map, as the browser keeps it (strings only). */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const variation = (n: number, seed: string, averageValence: number): VariationDocument => ({
  variation: n, seed, analysis: { averageValence, inKeyRatio: 1, restRatio: 0, valence: [], density: [], notes: [] }, files: {} as never,
});

const settings: GenerationRequest = { model: 'transformer', key: 'Eb', timeSignature: '3/4', bars: 10, tempo: 132, density: 'high', layout: 'piano', variations: 2 };
const entry = (seed: string, extra: Partial<GenerationRequest> = {}, time = new Date('2026-12-08T01:00:00Z')): GenerationEntry =>
  historyEntry({ ...settings, ...extra }, seed, [variation(1, `${seed}1`, 0.5), variation(2, `${seed}2`, -0.25)], time);

describe('history', () => {
  it('keeps the settings with the seed the generation ran with, and a summary of each sheet', () => {
    const e = entry('20260101');
    expect(e.settings).toEqual({ ...settings, seed: '20260101' });
    expect(e.seed).toBe('20260101');
    expect(e.time).toBe('2026-12-08T01:00:00.000Z');
    expect(e.sheets).toEqual([
      { variation: 1, seed: '202601011', model: 'transformer', key: 'Eb', timeSignature: '3/4', bars: 10, averageValence: 0.5 },
      { variation: 2, seed: '202601012', model: 'transformer', key: 'Eb', timeSignature: '3/4', bars: 10, averageValence: -0.25 },
    ]);
    expect(describeEntry(e)).toBe('E♭ major, 3/4, 10 bars, transformer — 2 sheets, seed 20260101');
    // A request that leaves a field out was written with the server's default.
    expect(historyEntry({}, '5', [variation(1, '9', 0)], new Date(0)).sheets[0]).toMatchObject({ model: 'transformer', key: 'C', timeSignature: '4/4', bars: 16 });
  });

  it('survives a reload: what is written is read back the same', () => {
    const storage = new MemoryStorage();
    const history = withEntry(withEntry([], entry('1')), entry('2', { valence: [-2, -1, 0, 1, 2, 1, 0, -1, -2, 0] }));
    expect(writeHistory(storage, history)).toBe(true);
    expect(readHistory(storage)).toEqual(history);
    expect(JSON.parse(storage.getItem(historyKey)!)).toHaveLength(2);
  });

  it('puts the newest first, keeps at most 20, and moves a repeat up instead of listing it twice', () => {
    let history: HistoryEntry[] = [];
    for (let seed = 1; seed <= 25; seed++) history = withEntry(history, entry(String(seed)));
    const seeds = () => history.map((e) => (e.kind === 'generation' ? e.seed : ''));
    expect(history).toHaveLength(historyLimit);
    expect(seeds().slice(0, 3)).toEqual(['25', '24', '23']);
    expect(seeds().at(-1)).toBe('6');
    history = withEntry(history, entry('10', {}, new Date('2026-12-09T00:00:00Z')));
    expect(history).toHaveLength(historyLimit);
    expect(seeds().filter((s) => s === '10')).toHaveLength(1);
    expect(seeds()[0]).toBe('10');
    // The same seed with other settings is another generation.
    expect(withEntry(history, entry('10', { key: 'D' }))).toHaveLength(historyLimit);
    expect(withEntry(history, entry('10', { key: 'D' })).filter((e) => e.kind === 'generation' && e.seed === '10')).toHaveLength(2);
  });

  it('reads corrupt storage as an empty list, never throwing', () => {
    for (const stored of ['{not json', '42', '"text"', '{"a":1}', 'null', '[null, 1, "x", []]']) {
      const storage = new MemoryStorage();
      storage.setItem(historyKey, stored);
      expect(readHistory(storage)).toEqual([]);
    }
    expect(readHistory(undefined)).toEqual([]);
    expect(readHistory({ getItem: () => { throw new DOMException('denied', 'SecurityError'); } })).toEqual([]);
  });

  it('skips the entries it cannot use and keeps the good ones', () => {
    const good = entry('77');
    const storage = new MemoryStorage();
    storage.setItem(historyKey, JSON.stringify([
      { ...good, seed: '78' }, // its settings hold another seed
      { ...good, time: 'yesterday' },
      { ...good, sheets: [{ variation: 1 }] },
      { ...good, settings: { ...good.settings, bars: 'many', key: 'H' } }, // bad fields dropped, the entry kept
      good,
    ]));
    const read = readHistory(storage) as GenerationEntry[];
    expect(read).toHaveLength(2);
    expect(read[0]!.settings).toEqual({ ...good.settings, bars: undefined, key: undefined });
    expect(read[0]!.settings).not.toHaveProperty('bars');
    expect(read[1]).toEqual(good);
  });

  it('clears the stored list, and reports a browser that refuses to store', () => {
    const storage = new MemoryStorage();
    writeHistory(storage, [entry('1')]);
    expect(writeHistory(storage, [])).toBe(true);
    expect(storage.getItem(historyKey)).toBeNull();
    const full = { setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => undefined };
    expect(writeHistory(full, [entry('1')])).toBe(false);
    expect(writeHistory(undefined, [entry('1')])).toBe(false);
  });

  it('spells keys as the key picker does', () => {
    expect(['C', 'Eb', 'F#', 'Cb', 'Bbm', 'C#m', 'Am'].map(keyName)).toEqual(['C major', 'E♭ major', 'F♯ major', 'C♭ major', 'B♭ minor', 'C♯ minor', 'A minor']);
  });
});

const sheetSettings = { model: 'transformer', key: 'Eb', timeSignature: '3/4', bars: 16 };
const rewrite = (seed: string, first = 5, last = 8, time = new Date('2026-12-08T02:00:00Z')): RewriteEntry =>
  rewriteEntry({ source: { generation: 'g-1', variation: 2 }, bars: { first, last }, seed }, variation(1, `${seed}9`, 0.75), 2, sheetSettings, time);

describe('rewrites in the history', () => {
  it('keeps what the regenerate request needs, and says what was rewritten', () => {
    const r = rewrite('314');
    expect(r).toEqual({
      kind: 'rewrite',
      source: { generation: 'g-1', variation: 2 },
      bars: { first: 5, last: 8 },
      seed: '314',
      time: '2026-12-08T02:00:00.000Z',
      sheet: { variation: 2, seed: '3149', model: 'transformer', key: 'Eb', timeSignature: '3/4', bars: 16, averageValence: 0.75 },
    });
    expect(describeEntry(r)).toBe('Bars 5–8 rewritten (variation 2 of E♭ major, 3/4, 16 bars, transformer), seed 314');
    expect(describeEntry(rewrite('3', 9, 9))).toBe('Bar 9 rewritten (variation 2 of E♭ major, 3/4, 16 bars, transformer), seed 3');
    // Sent again, it is the same request.
    expect(regenerateRequest(r.source, r.bars, r.seed)).toEqual({ regenerate: { generation: 'g-1', variation: 2, bars: '5-8' }, seed: '314' });
  });

  it('survives a reload beside generations, and reads entries stored before rewrites were kept', () => {
    const storage = new MemoryStorage();
    const history = withEntry(withEntry([], entry('1')), rewrite('2'));
    writeHistory(storage, history);
    expect(readHistory(storage)).toEqual(history);

    // An entry of the page before this one: no kind, the same fields otherwise.
    const { kind, ...old } = entry('7');
    expect(kind).toBe('generation');
    storage.setItem(historyKey, JSON.stringify([old, rewrite('2')]));
    expect(readHistory(storage)).toEqual([entry('7'), rewrite('2')]);
  });

  it('moves a rewrite sent again to the top with its new time, and tells rewrites apart from each other', () => {
    let history: HistoryEntry[] = [rewrite('2'), entry('1'), rewrite('3')];
    const again = rewrittenAgain(rewrite('3'), variation(1, '39', 0.5), new Date('2026-12-09T00:00:00Z'));
    history = withEntry(history, again);
    expect(history).toHaveLength(3);
    expect(history[0]).toEqual({ ...rewrite('3'), time: '2026-12-09T00:00:00.000Z', sheet: { ...rewrite('3').sheet, seed: '39', averageValence: 0.5 } });
    // Other bars, another source or another seed is another rewrite.
    expect(withEntry(history, rewrite('2', 5, 9))).toHaveLength(4);
    expect(withEntry(history, { ...rewrite('2'), source: { generation: 'g-2', variation: 2 } })).toHaveLength(4);
    expect(withEntry(history, rewrite('4'))).toHaveLength(4);
    expect(rewrittenAgain(rewrite('3'), undefined, new Date(0)).sheet).toEqual(rewrite('3').sheet);
  });

  it('skips rewrites it cannot send again, and kinds a later page might write', () => {
    const good = rewrite('5');
    const storage = new MemoryStorage();
    storage.setItem(historyKey, JSON.stringify([
      { ...good, kind: 'arrangement' },
      { ...good, source: { generation: '', variation: 1 } },
      { ...good, source: { generation: 'a\nb', variation: 1 } },
      { ...good, source: { generation: 'g', variation: 0 } },
      { ...good, source: null },
      { ...good, bars: { first: 8, last: 5 } },
      { ...good, bars: { first: 0, last: 5 } },
      { ...good, bars: { first: 5, last: 17 } }, // past the sheet's 16 bars
      { ...good, bars: '5-8' },
      { ...good, seed: '12a' },
      { ...good, seed: 5 },
      { ...good, time: 'soon' },
      { ...good, sheet: { ...good.sheet, bars: 'x' } },
      good,
    ]));
    expect(readHistory(storage)).toEqual([good]);
  });
});

import { describe, expect, it } from 'vitest';
import type { GenerationRequest, VariationDocument } from '../../src/contract';
import {
  describeEntry, historyEntry, historyKey, historyLimit, keyName, readHistory, withEntry, writeHistory, type HistoryEntry,
} from '../../src/history';

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
const entry = (seed: string, extra: Partial<GenerationRequest> = {}, time = new Date('2026-12-08T01:00:00Z')): HistoryEntry =>
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
    expect(history).toHaveLength(historyLimit);
    expect(history.map((e) => e.seed).slice(0, 3)).toEqual(['25', '24', '23']);
    expect(history.at(-1)!.seed).toBe('6');
    history = withEntry(history, entry('10', {}, new Date('2026-12-09T00:00:00Z')));
    expect(history).toHaveLength(historyLimit);
    expect(history.filter((e) => e.seed === '10')).toHaveLength(1);
    expect(history[0]!.seed).toBe('10');
    // The same seed with other settings is another generation.
    expect(withEntry(history, entry('10', { key: 'D' }))).toHaveLength(historyLimit);
    expect(withEntry(history, entry('10', { key: 'D' })).filter((e) => e.seed === '10')).toHaveLength(2);
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
    const read = readHistory(storage);
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

// Recent generations, kept in localStorage so they survive a reload: the settings and seed of each (enough to write
// the same sheets again) and a short summary of its sheets. What is read back is checked entry by entry, so a
// corrupt or foreign value costs at most that entry, never the page.
import type { GenerationRequest, VariationDocument } from './contract';
import { defaults } from './form';
import { readSettings } from './savedSettings';
import { shareQuery } from './shareLink';

export const historyKey = 'sithsynth.history.v1';
export const historyLimit = 20;

export interface SheetSummary {
  variation: number;
  /** The variation's own seed (derived from the generation's). */
  seed: string;
  model: string;
  key: string;
  timeSignature: string;
  bars: number;
  averageValence: number;
}

export interface HistoryEntry {
  /** The settings sent, with the seed the generation ran with: sent again they write the same sheets. */
  settings: GenerationRequest;
  seed: string;
  /** When it finished, ISO 8601. */
  time: string;
  sheets: SheetSummary[];
}

/** The entry for a finished generation. */
export function historyEntry(settings: GenerationRequest, seed: string, variations: readonly VariationDocument[], time: Date): HistoryEntry {
  return {
    settings: { ...settings, seed },
    seed,
    time: time.toISOString(),
    sheets: variations.map((v) => ({
      variation: v.variation,
      seed: v.seed,
      ...writtenIn(settings),
      averageValence: v.analysis.averageValence,
    })),
  };
}

/** The history with this entry first; the same settings and seed seen before move up instead of showing twice. */
export function withEntry(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const same = shareQuery(entry.settings);
  return [entry, ...history.filter((e) => shareQuery(e.settings) !== same)].slice(0, historyLimit);
}

/** The stored history, newest first; unreadable storage or entries are skipped. */
export function readHistory(storage: Pick<Storage, 'getItem'> | undefined): HistoryEntry[] {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(historyKey) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(stored)) return [];
  return stored.map(readEntry).filter((e): e is HistoryEntry => e !== undefined).slice(0, historyLimit);
}

/** Stores the history; false when the browser refuses (storage full or switched off), which only loses the list. */
export function writeHistory(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, history: readonly HistoryEntry[]): boolean {
  try {
    if (!storage) return false;
    if (history.length === 0) storage.removeItem(historyKey);
    else storage.setItem(historyKey, JSON.stringify(history.slice(0, historyLimit)));
    return true;
  } catch {
    return false;
  }
}

/** localStorage, or nothing where reading it throws (a sandboxed frame, storage switched off). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** What a sheet of these settings is written in; what a request leaves out is the server's default. */
export function writtenIn(settings: GenerationRequest): Pick<SheetSummary, 'model' | 'key' | 'timeSignature' | 'bars'> {
  return {
    model: settings.model ?? defaults.model,
    key: settings.key ?? defaults.key,
    timeSignature: settings.timeSignature ?? defaults.timeSignature,
    bars: settings.bars ?? defaults.bars,
  };
}

/** "E♭ major, 3/4, 16 bars, transformer". */
export function describeSettings(sheet: Pick<SheetSummary, 'key' | 'timeSignature' | 'bars' | 'model'>): string {
  return `${keyName(sheet.key)}, ${sheet.timeSignature}, ${sheet.bars} bars, ${sheet.model}`;
}

/** A line for the list: what was written and with which seed. */
export function describeEntry(entry: HistoryEntry): string {
  const first = entry.sheets[0];
  const sheets = `${entry.sheets.length} ${entry.sheets.length === 1 ? 'sheet' : 'sheets'}`;
  return first ? `${describeSettings(first)} — ${sheets}, seed ${entry.seed}` : `No sheets, seed ${entry.seed}`;
}

/** "F♯ minor" for "F#m", as the key picker spells it. */
export function keyName(key: string): string {
  const minor = key.endsWith('m');
  const root = (minor ? key.slice(0, -1) : key).replace('#', '♯').replace(/(?<=^[A-G])b$/, '♭');
  return `${root} ${minor ? 'minor' : 'major'}`;
}

function readEntry(raw: unknown): HistoryEntry | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const entry = raw as Record<string, unknown>;
  const settings = readSettings(entry.settings);
  // Without its seed an entry cannot write the same sheets again, so it is not worth keeping.
  if (typeof entry.seed !== 'string' || settings.seed !== entry.seed) return undefined;
  if (typeof entry.time !== 'string' || Number.isNaN(Date.parse(entry.time))) return undefined;
  if (!Array.isArray(entry.sheets)) return undefined;
  const sheets = entry.sheets.map(readSheet);
  if (sheets.some((s) => s === undefined)) return undefined;
  return { settings, seed: entry.seed, time: entry.time, sheets: sheets as SheetSummary[] };
}

function readSheet(raw: unknown): SheetSummary | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as Record<string, unknown>;
  const ok = Number.isInteger(s.variation) && typeof s.seed === 'string' && /^\d{1,20}$/.test(s.seed)
    && typeof s.model === 'string' && typeof s.key === 'string' && typeof s.timeSignature === 'string'
    && Number.isInteger(s.bars) && typeof s.averageValence === 'number' && Number.isFinite(s.averageValence);
  if (!ok) return undefined;
  // Shown as text only, but kept short so a foreign value cannot flood the list.
  const short = (v: unknown) => String(v).slice(0, 64);
  return {
    variation: s.variation as number,
    seed: s.seed as string,
    model: short(s.model),
    key: short(s.key),
    timeSignature: short(s.timeSignature),
    bars: s.bars as number,
    averageValence: s.averageValence as number,
  };
}

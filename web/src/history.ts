// Recent generations and rewrites, kept in localStorage so they survive a reload: the settings and seed of each
// generation (enough to write the same sheets again), the source, bars and seed of each rewrite (enough to send the
// same regenerate request again), and a short summary of the sheets. What is read back is checked entry by entry, so
// a corrupt or foreign value costs at most that entry, never the page. Entries stored before rewrites were kept have
// no `kind` and read as generations.
import type { GenerationRequest, VariationDocument } from './contract';
import { defaults } from './form';
import { spanLabel, spanText, type BarRange, type TakeSource } from './rewrite';
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

export interface GenerationEntry {
  kind: 'generation';
  /** The settings sent, with the seed the generation ran with: sent again they write the same sheets. */
  settings: GenerationRequest;
  seed: string;
  /** When it finished, ISO 8601. */
  time: string;
  sheets: SheetSummary[];
}

/** Bars of a sheet written again: sent again, the same request writes the same bars while the source is kept. */
export interface RewriteEntry {
  kind: 'rewrite';
  /** The generation and variation whose bars were written again. */
  source: TakeSource;
  bars: BarRange;
  /** The seed the regenerate request was sent with. */
  seed: string;
  /** When it finished, ISO 8601. */
  time: string;
  /** The written take; its `variation` is the number the page showed it under. */
  sheet: SheetSummary;
}

export type HistoryEntry = GenerationEntry | RewriteEntry;

/** What a sheet is written in, as the summary line names it. */
export type SheetSettings = Pick<SheetSummary, 'model' | 'key' | 'timeSignature' | 'bars'>;

/** The entry for a finished generation. */
export function historyEntry(settings: GenerationRequest, seed: string, variations: readonly VariationDocument[], time: Date): GenerationEntry {
  return {
    kind: 'generation',
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

/**
 * The entry for a finished rewrite of `source`'s bars `bars` under `seed`: `written` is the take the server wrote,
 * shown on the page as variation `shownAs` of a sheet written in `settings`.
 */
export function rewriteEntry(
  rewrite: { source: TakeSource; bars: BarRange; seed: string },
  written: VariationDocument,
  shownAs: number,
  settings: SheetSettings,
  time: Date,
): RewriteEntry {
  return {
    kind: 'rewrite',
    source: { ...rewrite.source },
    bars: { ...rewrite.bars },
    seed: rewrite.seed,
    time: time.toISOString(),
    sheet: { variation: shownAs, seed: written.seed, ...settings, averageValence: written.analysis.averageValence },
  };
}

/** The same entry written again now, with the take it wrote this time. */
export function rewrittenAgain(entry: RewriteEntry, written: VariationDocument | undefined, time: Date): RewriteEntry {
  const sheet = written ? { ...entry.sheet, seed: written.seed, averageValence: written.analysis.averageValence } : entry.sheet;
  return { ...entry, time: time.toISOString(), sheet };
}

/** What makes two entries the same: a generation's settings and seed, a rewrite's source, bars and seed. */
function identity(entry: HistoryEntry): string {
  return entry.kind === 'generation'
    ? `generation ${shareQuery(entry.settings)}`
    : `rewrite ${entry.source.generation} ${entry.source.variation} ${spanText(entry.bars)} ${entry.seed}`;
}

/** The history with this entry first; the same entry seen before moves up instead of showing twice. */
export function withEntry(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const same = identity(entry);
  return [entry, ...history.filter((e) => identity(e) !== same)].slice(0, historyLimit);
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
export function writtenIn(settings: GenerationRequest): SheetSettings {
  return {
    model: settings.model ?? defaults.model,
    key: settings.key ?? defaults.key,
    timeSignature: settings.timeSignature ?? defaults.timeSignature,
    bars: settings.bars ?? defaults.bars,
  };
}

/** "E♭ major, 3/4, 16 bars, transformer". */
export function describeSettings(sheet: SheetSettings): string {
  return `${keyName(sheet.key)}, ${sheet.timeSignature}, ${sheet.bars} bars, ${sheet.model}`;
}

/** "Bars 5–8 rewritten (variation 1 of E♭ major, 3/4, 16 bars, transformer)". */
export function describeRewrite(entry: RewriteEntry): string {
  const label = spanLabel(entry.bars);
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} rewritten (variation ${entry.sheet.variation} of ${describeSettings(entry.sheet)})`;
}

/** A line for the list: what was written and with which seed. */
export function describeEntry(entry: HistoryEntry): string {
  if (entry.kind === 'rewrite') return `${describeRewrite(entry)}, seed ${entry.seed}`;
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
  if (entry.kind === 'rewrite') return readRewrite(entry);
  // No kind: stored before rewrites were kept. Any other kind is a later page's, skipped.
  if (entry.kind !== undefined && entry.kind !== 'generation') return undefined;
  const settings = readSettings(entry.settings);
  // Without its seed an entry cannot write the same sheets again, so it is not worth keeping.
  if (typeof entry.seed !== 'string' || settings.seed !== entry.seed) return undefined;
  if (typeof entry.time !== 'string' || Number.isNaN(Date.parse(entry.time))) return undefined;
  if (!Array.isArray(entry.sheets)) return undefined;
  const sheets = entry.sheets.map(readSheet);
  if (sheets.some((s) => s === undefined)) return undefined;
  return { kind: 'generation', settings, seed: entry.seed, time: entry.time, sheets: sheets as SheetSummary[] };
}

function readRewrite(entry: Record<string, unknown>): RewriteEntry | undefined {
  const source = entry.source as Record<string, unknown> | null | undefined;
  const bars = entry.bars as Record<string, unknown> | null | undefined;
  const sheet = readSheet(entry.sheet);
  // The id goes back to the server in a JSON body; it is checked there, and here only kept to a sane shape.
  const generation = source && typeof source === 'object' && typeof source.generation === 'string' && /^[^\p{Cc}\s/]{1,128}$/u.test(source.generation) ? source.generation : undefined;
  const variation = source && typeof source === 'object' && Number.isInteger(source.variation) && (source.variation as number) >= 1 ? (source.variation as number) : undefined;
  const first = bars && typeof bars === 'object' && Number.isInteger(bars.first) ? (bars.first as number) : undefined;
  const last = bars && typeof bars === 'object' && Number.isInteger(bars.last) ? (bars.last as number) : undefined;
  const ok = sheet !== undefined && generation !== undefined && variation !== undefined && first !== undefined && last !== undefined
    && first >= 1 && first <= last && last <= sheet.bars
    && typeof entry.seed === 'string' && /^\d{1,20}$/.test(entry.seed)
    && typeof entry.time === 'string' && !Number.isNaN(Date.parse(entry.time));
  if (!ok) return undefined;
  return { kind: 'rewrite', source: { generation, variation }, bars: { first, last }, seed: entry.seed as string, time: entry.time as string, sheet };
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

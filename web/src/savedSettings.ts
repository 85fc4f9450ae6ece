// Settings that come back from outside the page — a shared link's query, the history in localStorage — read field by
// field: a value the form could not have sent is dropped (the form then shows its default there), never a crash.
// The server checks every field again; this only keeps junk out of the inputs.
import { densityNames, layoutNames, requestFields, type Density, type GenerationRequest, type Layout } from './contract';
import { defaults, limits, majorKeys, minorKeys } from './form';

/** The most bars a count or curve read back may hold; the chosen model sets the real ceiling. */
const maxBars = 512;
/** The largest seed there is: 2^64 - 1. */
const maxSeed = 18446744073709551615n;
const keys: readonly string[] = [...majorKeys, ...minorKeys];

/** Settings as a request: only the fields that are there and well-formed. Values may be text (a query) or JSON. */
export function readSettings(raw: unknown): GenerationRequest {
  const request: GenerationRequest = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return request;
  const source = raw as Record<string, unknown>;
  for (const field of requestFields) {
    const value = source[field];
    if (value === undefined || value === null) continue;
    switch (field) {
      case 'model':
        set(request, field, text(value, /^[A-Za-z0-9._-]{1,64}$/));
        break;
      case 'key':
        set(request, field, oneOf(value, keys));
        break;
      case 'timeSignature':
        set(request, field, text(value, /^\d{1,2}\/(1|2|4|8|16|32)$/));
        break;
      case 'form':
        set(request, field, text(value, /^[^\p{Cc}]{1,64}$/u)?.trim() || undefined);
        break;
      case 'chords':
        set(request, field, text(value, /^[^\p{Cc}]{1,2000}$/u)?.trim() || undefined);
        break;
      case 'bars':
        set(request, field, whole(value, limits.minBars, maxBars));
        break;
      case 'tempo':
        set(request, field, whole(value, limits.tempo.min, limits.tempo.max));
        break;
      case 'variations':
        set(request, field, whole(value, limits.variations.min, limits.variations.max));
        break;
      case 'temperature':
        set(request, field, decimal(value, limits.temperature.min, limits.temperature.max));
        break;
      case 'topP':
        set(request, field, decimal(value, limits.topP.min, limits.topP.max));
        break;
      case 'seed': {
        const seed = text(typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value, /^\d{1,20}$/);
        set(request, field, seed !== undefined && BigInt(seed) <= maxSeed ? seed : undefined);
        break;
      }
      case 'layout':
        set(request, field, oneOf(value, layoutNames) as Layout | undefined);
        break;
      case 'valence':
      case 'density':
        // Curves are read once the bar count is known (below).
        break;
    }
  }
  const bars = request.bars ?? defaults.bars;
  set(request, 'valence', decimal(source.valence, limits.valence.min, limits.valence.max) ?? curve(source.valence, bars, (v) => whole(v, limits.valence.min, limits.valence.max)));
  set(request, 'density', (oneOf(source.density, densityNames) as Density | undefined) ?? curve(source.density, bars, (v) => oneOf(v, densityNames) as Density | undefined));
  return request;
}

function set<K extends keyof GenerationRequest>(request: GenerationRequest, field: K, value: GenerationRequest[K] | undefined): void {
  if (value !== undefined) request[field] = value;
}

function text(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

function oneOf(value: unknown, allowed: readonly string[]): string | undefined {
  return typeof value === 'string' && allowed.includes(value) ? value : undefined;
}

/** A finite number from JSON, or text that is plainly one ("0.9", "-1"); never Number('')'s 0 or a hex literal. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && /^-?\d{1,4}(\.\d{1,6})?$/.test(value.trim()) ? Number(value) : undefined;
}

function decimal(value: unknown, min: number, max: number): number | undefined {
  const n = numberOf(value);
  return n !== undefined && n >= min && n <= max ? n : undefined;
}

function whole(value: unknown, min: number, max: number): number | undefined {
  const n = decimal(value, min, max);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** One value per bar, as an array or comma-separated text; a curve for another bar count would be refused, so it is dropped. */
function curve<T>(value: unknown, bars: number, read: (item: unknown) => T | undefined): T[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' && value.includes(',') ? value.split(',') : undefined;
  if (!items || items.length !== bars) return undefined;
  const checked = items.map(read);
  return checked.every((v) => v !== undefined) ? (checked as T[]) : undefined;
}

// The form's values and their mapping to and from a generation request. Inputs hold text, so this is where text
// becomes numbers, where a blank field means "let the server choose", and where the server's field names meet
// the inputs that show their errors.
import { resizeCurve, valenceRange, type CurveRange } from './curve';
import { densityNames, layoutNames, type Density, type Layout, type GenerationRequest, type ModelDocument, type RequestField } from './contract';

export type Mode = 'single' | 'curve';

export interface FormValues {
  model: string;
  key: string;
  /** Blank: the server's form for the length (AA′ for 16 bars, AABA for 32). */
  form: string;
  /** Blank: the model writes its own chords. */
  chords: string;
  tempo: string;
  timeSignature: string;
  bars: string;
  temperature: string;
  /** Blank: no nucleus sampling. */
  topP: string;
  valenceMode: Mode;
  valence: string;
  valenceCurve: number[];
  densityMode: Mode;
  density: Density;
  /** Per-bar density as levels 0..2 (low, med, high), so it is drawn like the valence curve. */
  densityCurve: number[];
  /** Blank: a fresh seed each time. */
  seed: string;
  variations: string;
  layout: Layout;
  /** An uploaded MusicXML opening to continue; blank: none. */
  primer: string;
}

export const densities: readonly Density[] = densityNames;
export const layouts: readonly Layout[] = layoutNames;
export const densityRange: CurveRange = { min: 0, max: 2 };

/** Every key the models write in: at most seven sharps or flats, major then minor, in circle-of-fifths order. */
export const majorKeys = ['Cb', 'Gb', 'Db', 'Ab', 'Eb', 'Bb', 'F', 'C', 'G', 'D', 'A', 'E', 'B', 'F#', 'C#'] as const;
export const minorKeys = ['Abm', 'Ebm', 'Bbm', 'Fm', 'Cm', 'Gm', 'Dm', 'Am', 'Em', 'Bm', 'F#m', 'C#m', 'G#m', 'D#m', 'A#m'] as const;

/** The server's defaults (GenerationSpec), so the form starts where a bare request would. */
export const defaults = {
  model: 'transformer',
  temperature: 1,
  timeSignature: '4/4',
  bars: 16,
  /** No valence: the server follows a real song's mood curve. A drawn curve starts level at 0. */
  valence: undefined as number | undefined,
  curveValence: 0,
  density: 'med' as Density,
  key: 'C',
  tempo: 100,
  variations: 1,
  layout: 'piano' as Layout,
};

/** Forms offered beside the text box; any letters per phrase are accepted. */
export const suggestedForms = ['AABA', "AA'", 'ABA', 'ABAB', 'AABB', 'ABAC', "AA'BA", 'through'] as const;

export const limits = {
  temperature: { min: 0.5, max: 1.5, step: 0.05 },
  topP: { min: 0.05, max: 1, step: 0.05 },
  tempo: { min: 30, max: 300 },
  variations: { min: 1, max: 8 },
  valence: { min: valenceRange.min, max: valenceRange.max, step: 0.1 },
  /** The server's floor; the ceiling comes from the chosen model's card. */
  minBars: 8,
  fallbackMaxBars: 40,
};

export function initialValues(): FormValues {
  return fromRequest({});
}

/** Form values showing a request; fields it leaves out show the server's defaults. */
export function fromRequest(request: GenerationRequest): FormValues {
  const bars = request.bars ?? defaults.bars;
  const valence = request.valence ?? defaults.valence;
  const density = request.density ?? defaults.density;
  const valenceCurve = Array.isArray(valence) ? valence.map((v) => Math.round(v)) : resizeCurve([], bars, Math.round(valence ?? defaults.curveValence));
  const densityCurve = Array.isArray(density)
    ? density.map(densityLevel)
    : resizeCurve([], bars, densityLevel(density));
  return {
    model: request.model ?? defaults.model,
    key: request.key ?? defaults.key,
    form: request.form ?? '',
    chords: request.chords ?? '',
    tempo: String(request.tempo ?? defaults.tempo),
    timeSignature: request.timeSignature ?? defaults.timeSignature,
    bars: String(bars),
    temperature: String(request.temperature ?? defaults.temperature),
    topP: request.topP === undefined ? '' : String(request.topP),
    valenceMode: Array.isArray(valence) ? 'curve' : 'single',
    valence: Array.isArray(valence) || valence === undefined ? '' : String(valence),
    valenceCurve,
    densityMode: Array.isArray(density) ? 'curve' : 'single',
    density: Array.isArray(density) ? defaults.density : density,
    densityCurve,
    seed: request.seed ?? '',
    variations: String(request.variations ?? defaults.variations),
    layout: request.layout ?? defaults.layout,
    primer: request.primer ?? '',
  };
}

export interface Mapped {
  request: GenerationRequest;
  /** Problems found before sending, in the server's shape (field → messages), so both show the same way. */
  errors: Record<string, string[]>;
}

/**
 * The request for these values. Ranges are left to the server, which knows each model's limits and answers with a
 * problem naming every field; only text that cannot be sent as a number at all is caught here.
 */
export function toRequest(values: FormValues): Mapped {
  const errors: Record<string, string[]> = {};
  const request: GenerationRequest = {};
  const number = (field: RequestField, text: string, whole: boolean): number | undefined => {
    const trimmed = text.trim();
    if (trimmed === '') {
      return undefined;
    }
    const value = Number(trimmed);
    if (!Number.isFinite(value) || (whole && !Number.isInteger(value))) {
      errors[field] = [whole ? 'Enter a whole number.' : 'Enter a number.'];
      return undefined;
    }
    return value;
  };

  if (values.model) request.model = values.model;
  if (values.key) request.key = values.key;
  const songForm = values.form.trim();
  if (songForm !== '') request.form = songForm;
  const chords = values.chords.trim().replace(/\s+/g, ' ');
  if (chords !== '') {
    // A bar with nothing in it needs no model to spot: caught before sending, in the server's words.
    const empty = chords.split('|').findIndex((bar) => bar.trim() === '');
    if (empty >= 0) {
      errors.chords = [`Bar ${empty + 1} of the progression is empty: write a chord symbol, or _ to leave the bar free.`];
    } else {
      request.chords = chords;
    }
  }
  if (values.timeSignature) request.timeSignature = values.timeSignature;
  request.layout = values.layout;
  assign(request, 'tempo', number('tempo', values.tempo, true));
  assign(request, 'bars', number('bars', values.bars, true));
  assign(request, 'temperature', number('temperature', values.temperature, false));
  assign(request, 'topP', number('topP', values.topP, false));
  assign(request, 'variations', number('variations', values.variations, true));

  if (values.valenceMode === 'curve') {
    request.valence = [...values.valenceCurve];
  } else {
    assign(request, 'valence', number('valence', values.valence, false));
  }
  request.density = values.densityMode === 'curve' ? values.densityCurve.map(densityName) : values.density;
  if (values.primer !== '') request.primer = values.primer;

  const seed = values.seed.trim();
  if (seed !== '') {
    if (/^\d{1,20}$/.test(seed)) {
      request.seed = seed;
    } else {
      errors.seed = ['A seed is a whole number of up to 20 digits, or blank for a fresh one.'];
    }
  }
  return { request, errors };
}

function assign<K extends keyof GenerationRequest>(request: GenerationRequest, field: K, value: GenerationRequest[K] | undefined): void {
  if (value !== undefined) {
    request[field] = value;
  }
}

export const densityName = (level: number): Density => densities[Math.min(2, Math.max(0, Math.round(level)))]!;

export const densityLevel = (name: string): number => Math.max(0, densities.indexOf(name as Density));

/** The curves follow the bar count; a blank or unreadable count leaves them as they are. */
export function withBars(values: FormValues, barsText: string, drawn: DrawnCurves = { valence: values.valenceCurve, density: values.densityCurve }): FormValues {
  const bars = Number(barsText);
  if (!Number.isInteger(bars) || bars < 1 || bars > 512) {
    return { ...values, bars: barsText };
  }
  return {
    ...values,
    bars: barsText,
    valenceCurve: resizeCurve(drawn.valence, bars, Math.round(Number(values.valence) || 0)),
    densityCurve: resizeCurve(drawn.density, bars, densityLevel(values.density)),
  };
}

/** Everything drawn on the two curves, bars beyond the current count included (see remember). */
export interface DrawnCurves {
  valence: readonly number[];
  density: readonly number[];
}

/** What the chosen model allows: the bar range and the meters it writes in. */
export interface ModelLimits {
  minBars: number;
  maxBars: number;
  timeSignatures: string[];
}

export function limitsOf(model: ModelDocument | undefined): ModelLimits {
  return model
    ? { minBars: model.minBars, maxBars: model.maxBars, timeSignatures: model.timeSignatures }
    : { minBars: limits.minBars, maxBars: limits.fallbackMaxBars, timeSignatures: ['4/4', '3/4', '2/4', '2/2', '6/8', '12/8'] };
}

/** Where a field error shows: the id of the control that the field's value came from. */
export function controlFor(field: string, values: Pick<FormValues, 'valenceMode' | 'densityMode'>): string | undefined {
  switch (field) {
    case 'valence':
      return values.valenceMode === 'curve' ? 'valence-curve' : 'valence';
    case 'density':
      return values.densityMode === 'curve' ? 'density-curve' : 'density';
    case 'model':
    case 'key':
    case 'form':
    case 'chords':
    case 'tempo':
    case 'timeSignature':
    case 'bars':
    case 'temperature':
    case 'topP':
    case 'seed':
    case 'variations':
    case 'layout':
    case 'primer':
      return field;
    default:
      // Header problems (Idempotency-Key) and unknown fields have no input; they go to the alert region.
      return undefined;
  }
}

/** Splits a problem's field errors into those an input can show and the rest. */
export function routeErrors(errors: Record<string, string[]>, values: Pick<FormValues, 'valenceMode' | 'densityMode'>): {
  byControl: Map<string, string[]>;
  unplaced: string[];
} {
  const byControl = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const [field, messages] of Object.entries(errors)) {
    const control = controlFor(field, values);
    if (control) {
      byControl.set(control, [...(byControl.get(control) ?? []), ...messages]);
    } else {
      unplaced.push(...messages.map((m) => `${field}: ${m}`));
    }
  }
  return { byControl, unplaced };
}

/** The line under the model picker: the card's summary for musicians, never its engineering description. */
export function modelHelpText(model: Pick<ModelDocument, 'summary' | 'minBars' | 'maxBars'>): string {
  return model.summary?.trim() || `Writes ${model.minBars} to ${model.maxBars} bars.`;
}

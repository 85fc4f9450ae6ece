// The HTTP API's documents as the server writes them (src/Pipeline/Contract, camelCase, nulls left out).

/** POST /api/generations body; every field is optional and the server fills defaults. */
export interface GenerationRequest {
  model?: string;
  temperature?: number;
  topP?: number;
  timeSignature?: string;
  bars?: number;
  /** One average (-2..2, any number) or one whole number -2..2 per bar. */
  valence?: number | number[];
  density?: Density | Density[];
  key?: string;
  /** Letters per phrase (AABA, AA′, ABAB) or `through`; left out, the server picks one for the length. */
  form?: string;
  /** A progression in the key: bars split by `|`, one chord per bar or per equal beat group, `_` free ("C | Am | F G | C"). */
  chords?: string;
  tempo?: number;
  /** A string of digits: seeds reach 2^64 - 1, past what a JavaScript number holds exactly. */
  seed?: string;
  variations?: number;
  /** piano: melody, chord symbols and block chords on a bass staff; lead-sheet: melody and symbols on one staff. */
  layout?: Layout;
  /** An uploaded lead sheet's first bars as MusicXML text, continued to `bars` bars (its meter and key are the sheet's). */
  primer?: string;
  /** Writes a span of a finished sheet again; only model, temperature, topP, seed, variations and layout may go beside it. */
  regenerate?: Regenerate;
}

export interface Regenerate {
  /** The finished generation's id. */
  generation: string;
  /** From 1; the server's default is 1. */
  variation?: number;
  /** From 1: `9-12`, or `5` for one bar. */
  bars: string;
}

export const regenerateFields = ['generation', 'variation', 'bars'] as const;

export const densityNames = ['low', 'med', 'high'] as const;
export type Density = (typeof densityNames)[number];

export const layoutNames = ['piano', 'lead-sheet'] as const;
export type Layout = (typeof layoutNames)[number];

export const requestFields = [
  'model', 'temperature', 'topP', 'timeSignature', 'bars', 'valence', 'density', 'key', 'form', 'chords', 'tempo', 'seed', 'variations', 'layout', 'primer',
] as const;
export type RequestField = (typeof requestFields)[number];

/** Sent from a sheet's bar selection (rewrite.ts), not from the form, so no form input shows its errors. */
export const sheetRequestFields = ['regenerate'] as const;

export interface GenerationAccepted {
  id: string;
  statusUrl: string;
}

export const generationStates = ['pending', 'running', 'completed', 'failed', 'canceled'] as const;
export type GenerationState = (typeof generationStates)[number];

export interface StageTiming {
  stage: string;
  milliseconds: number;
}

export interface FileLink {
  url: string;
  expiresAt: string;
  fileName: string;
  contentType: string;
}

export interface AnalysisSummary {
  averageValence: number;
  inKeyRatio: number;
  restRatio: number;
  valence: number[];
  density: string[];
  notes: number[];
}

export interface VariationDocument {
  variation: number;
  seed: string;
  analysis: AnalysisSummary;
  files: { midi: FileLink; musicXml: FileLink; report: FileLink };
}

export interface GenerationFailure {
  stage: string;
  variation?: number;
  errorType: string;
  message: string;
}

export interface GenerationStatusDocument {
  id: string;
  status: GenerationState;
  stage: string;
  detail?: string;
  progress: number;
  createdAt: string;
  lastUpdatedAt: string;
  timings: StageTiming[];
  seed?: string;
  variations?: VariationDocument[];
  error?: GenerationFailure;
}

export interface ModelDocument {
  name: string;
  architecture: string;
  /** How it is built, for engineers. */
  description: string;
  /** What it is like to write with, for musicians: what the page shows. */
  summary?: string;
  minBars: number;
  maxBars: number;
  timeSignatures: string[];
}

export interface ModelListDocument {
  models: ModelDocument[];
}

/** RFC 9457 problem details; `errors` maps a request field (or a header name) to its messages. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Record<string, string[]>;
}

export const isFinished = (status: GenerationState): boolean =>
  status === 'completed' || status === 'failed' || status === 'canceled';

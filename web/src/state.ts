// The lifecycle of one generation as the page shows it, as a reducer: every change the page makes comes from an
// event here, so what the progress area says in each situation is unit-tested without a DOM.
import type { GenerationStatusDocument, Problem, VariationDocument } from './contract';

export type Phase = 'idle' | 'submitting' | 'waiting' | 'completed' | 'failed' | 'canceled';

export interface GenerationView {
  phase: Phase;
  /** Where to poll and what DELETE cancels, once accepted. */
  statusUrl?: string;
  stage?: string;
  detail?: string;
  /** 0..1 */
  progress: number;
  variations: VariationDocument[];
  /** The seed the whole generation ran with: with the same settings it writes the same sheets again. */
  seed?: string;
  /** A sentence for the alert region when something went wrong. */
  error?: string;
  /** Field errors from the server's problem (or from the form), keyed by request field. */
  fieldErrors: Record<string, string[]>;
}

export type GenerationEvent =
  | { type: 'submit' }
  | { type: 'invalid'; errors: Record<string, string[]> }
  | { type: 'accepted'; statusUrl: string }
  | { type: 'status'; status: GenerationStatusDocument }
  | { type: 'problem'; problem: Problem }
  | { type: 'canceled' };

export const initialView: GenerationView = { phase: 'idle', progress: 0, variations: [], fieldErrors: {} };

export const isBusy = (view: GenerationView): boolean => view.phase === 'submitting' || view.phase === 'waiting';

export function reduce(view: GenerationView, event: GenerationEvent): GenerationView {
  switch (event.type) {
    case 'submit':
      // A new request clears the last one's errors but keeps its results on screen until new ones arrive.
      return { ...initialView, phase: 'submitting', stage: 'sending', variations: view.variations, seed: view.seed };
    case 'invalid':
      return { ...view, phase: 'idle', stage: undefined, fieldErrors: event.errors, error: undefined };
    case 'accepted':
      return { ...view, phase: 'waiting', statusUrl: event.statusUrl, stage: 'queued', progress: 0 };
    case 'status':
      return fromStatus(view, event.status);
    case 'problem': {
      const hasFields = event.problem.errors !== undefined && Object.keys(event.problem.errors).length > 0;
      return {
        ...view,
        phase: view.phase === 'submitting' ? 'idle' : 'failed',
        fieldErrors: event.problem.errors ?? {},
        error: hasFields ? undefined : problemSentence(event.problem),
      };
    }
    case 'canceled':
      return { ...view, phase: 'canceled', stage: 'canceled', detail: undefined };
  }
}

function fromStatus(view: GenerationView, status: GenerationStatusDocument): GenerationView {
  const next: GenerationView = {
    ...view,
    stage: status.stage,
    detail: status.detail,
    progress: clamp01(status.progress),
  };
  switch (status.status) {
    case 'pending':
    case 'running':
      return { ...next, phase: 'waiting' };
    case 'completed':
      return { ...next, phase: 'completed', progress: 1, variations: status.variations ?? [], seed: status.seed };
    case 'failed':
      return { ...next, phase: 'failed', error: failureSentence(status) };
    case 'canceled':
      return { ...next, phase: 'canceled' };
  }
}

const clamp01 = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

export function problemSentence(problem: Problem): string {
  return problem.detail ? `${problem.title} ${problem.detail}` : problem.title;
}

function failureSentence(status: GenerationStatusDocument): string {
  const error = status.error;
  if (!error) {
    return 'The generation failed. Try again, perhaps with other settings.';
  }
  const where = error.variation ? ` (variation ${error.variation}, ${error.stage})` : ` (${error.stage})`;
  // Only the message: the error type names server classes, which mean nothing to a musician.
  return `The generation failed${where}: ${firstLine(error.message)}`;
}

/** A server message is one sentence; anything after a line break (a trace, if one ever slipped in) is dropped. */
const firstLine = (text: string): string => text.split(/\r?\n/, 1)[0]!.trim();

/** The progress line under the bar, e.g. "Generating — variation 2 of 4 (45%)". */
export function progressText(view: GenerationView): string {
  switch (view.phase) {
    case 'idle':
      return '';
    case 'submitting':
      return 'Sending the request…';
    case 'completed':
      return `Done: ${view.variations.length} ${view.variations.length === 1 ? 'sheet' : 'sheets'}.`;
    case 'failed':
      return 'Failed.';
    case 'canceled':
      return 'Canceled.';
    case 'waiting': {
      const stage = view.stage ? capitalise(view.stage) : 'Working';
      const detail = view.detail && view.detail !== view.stage ? ` — ${view.detail}` : '';
      return `${stage}${detail} (${Math.round(view.progress * 100)}%)`;
    }
  }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

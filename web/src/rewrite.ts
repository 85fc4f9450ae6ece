// Rewriting bars of a finished sheet: which bars a click or the two number inputs select, the regenerate request for
// them, where the server's refusals show, and the takes a sheet has had, so each rewrite can be undone. No DOM here;
// rewriteView.ts draws it.
import type { GenerationRequest, Problem } from './contract';

/** Bars first..last of a sheet, counted from 1 as musicians count them. */
export interface BarRange {
  first: number;
  last: number;
}

/** A selection made by clicking bars: the bar clicked first (the anchor) and the range it spans to. */
export interface BarSelection {
  anchor: number;
  range: BarRange;
}

const span = (a: number, b: number): BarRange => ({ first: Math.min(a, b), last: Math.max(a, b) });

/**
 * The selection after a click on `bar`. The first click picks one bar; a second click (or any shift-click) reaches
 * from that bar to the clicked one; a click on a sheet that already shows a range starts again there.
 */
export function selectBar(current: BarSelection | undefined, bar: number, extend: boolean): BarSelection {
  if (current && (extend || current.range.first === current.range.last)) {
    return { anchor: current.anchor, range: span(current.anchor, bar) };
  }
  return { anchor: bar, range: { first: bar, last: bar } };
}

/** The span as the API writes it: `5-8`, or `5` for one bar. */
export const spanText = (range: BarRange): string => (range.first === range.last ? String(range.first) : `${range.first}-${range.last}`);

/** The span as the page says it: "bars 5–8", "bar 5". */
export const spanLabel = (range: BarRange): string => (range.first === range.last ? `bar ${range.first}` : `bars ${range.first}–${range.last}`);

export type RangeReading = { range: BarRange; errors?: undefined } | { range?: undefined; errors: { from?: string[]; to?: string[] } };

/** The range the "from bar" and "to bar" inputs hold, or what is wrong with each, for a sheet of `bars` bars. */
export function readRange(fromText: string, toText: string, bars: number): RangeReading {
  const errors: { from?: string[]; to?: string[] } = {};
  const bar = (text: string, field: 'from' | 'to'): number | undefined => {
    const trimmed = text.trim();
    if (!/^\d+$/.test(trimmed)) {
      errors[field] = [trimmed === '' ? `Enter a bar number, 1 to ${bars}.` : 'Enter a whole bar number.'];
      return undefined;
    }
    const value = Number(trimmed);
    if (value < 1 || value > bars) {
      errors[field] = [`The sheet has bars 1 to ${bars}.`];
      return undefined;
    }
    return value;
  };
  const first = bar(fromText, 'from');
  const last = bar(toText, 'to');
  if (first !== undefined && last !== undefined && last < first) {
    errors.to = [`The last bar comes at or after bar ${first}.`];
  }
  return first !== undefined && last !== undefined && !errors.to ? { range: { first, last } } : { errors };
}

/** Where a sheet came from on the server: what a rewrite of it names. */
export interface TakeSource {
  generation: string;
  /** Its variation in that generation (from 1). */
  variation: number;
}

/**
 * The request that writes `range` of the source's sheet again under a new seed. Every other setting is the source
 * generation's (the server takes them from it and refuses any that would change the kept bars), so nothing else goes.
 */
export function regenerateRequest(source: TakeSource, range: BarRange, seed: string): GenerationRequest {
  return { regenerate: { generation: source.generation, variation: source.variation, bars: spanText(range) }, seed };
}

/** A seed unlike the previous one: another take of the same bars. */
export function freshSeed(previous: string | undefined, draw: () => number = randomUint32): string {
  for (;;) {
    const seed = String(draw());
    if (seed !== previous) return seed;
  }
}

function randomUint32(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** The generation id in a status URL (`…/api/generations/{id}`). */
export function generationIdOf(statusUrl: string): string {
  const path = new URL(statusUrl, 'http://page.invalid/').pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** A refusal's field errors split into those about the span (shown on the bar inputs) and the rest (under the button). */
export function routeRewriteErrors(errors: Record<string, string[]>): { range: string[]; other: string[] } {
  const range: string[] = [];
  const other: string[] = [];
  for (const [field, messages] of Object.entries(errors)) {
    if (field === 'regenerate.bars') range.push(...messages);
    else other.push(...messages);
  }
  return { range, other };
}

/**
 * A refusal of a rewrite sent again from the history, as one sentence for the page. No field of the form can mend
 * it, so field errors become the detail instead of marks on the settings; a source the server no longer has (its
 * retention over, or a server restarted without storage) is said as such, with what to do instead.
 */
export function unwritableRewrite(problem: Problem): Problem {
  const errors = problem.errors ?? {};
  const gone = problem.status === 404 || problem.status === 410 || 'regenerate.generation' in errors;
  const messages = Object.values(errors).flat();
  const said = messages.length > 0 ? messages.join(' ') : problem.detail ? `${problem.title} ${problem.detail}` : problem.title;
  const next = gone ? ' Its source sheet is no longer on the server: open the generation it came from and rewrite those bars there.' : '';
  return { type: problem.type, status: problem.status, title: 'This rewrite cannot be written again.', detail: `${said}${next}` };
}

/** The takes one sheet has had, the one on screen last: a rewrite pushes, Undo goes back one. */
export class Takes<T> {
  private readonly stack: T[];

  constructor(first: T) {
    this.stack = [first];
  }

  get current(): T {
    return this.stack[this.stack.length - 1]!;
  }

  get canUndo(): boolean {
    return this.stack.length > 1;
  }

  /** How many rewrites Undo can take back. */
  get depth(): number {
    return this.stack.length - 1;
  }

  push(take: T): void {
    this.stack.push(take);
  }

  /** Drops the current take and returns the one before it (the first take stays). */
  undo(): T {
    if (this.canUndo) this.stack.pop();
    return this.current;
  }
}

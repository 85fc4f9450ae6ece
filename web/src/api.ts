// The API client: starts, polls and cancels generations, lists models and fetches result files. It never throws
// anything but ApiError (or the caller's AbortError), so the page can always show a sentence instead of a stack.
import {
  isFinished,
  type GenerationAccepted,
  type GenerationRequest,
  type GenerationStatusDocument,
  type ModelDocument,
  type ModelListDocument,
  type Problem,
} from './contract';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ? `${problem.title} ${problem.detail}` : problem.title);
    this.name = 'ApiError';
  }

  /** Field errors of an invalid request, keyed by the request's field names (empty for other problems). */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors ?? {};
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface ApiClientOptions {
  /** Where /api lives, ending in '/': the page's own origin unless VITE_API_BASE says otherwise. */
  baseUrl: string;
  fetch?: Fetch;
  sleep?: Sleep;
  /** A fresh Idempotency-Key per generation; crypto.randomUUID in the browser. */
  newKey?: () => string;
}

export interface Started {
  accepted: GenerationAccepted;
  /** How long the server asked us to wait before the first poll. */
  retryAfterMs: number;
}

export interface PollOptions {
  signal?: AbortSignal;
  initialDelayMs?: number;
  onUpdate?: (status: GenerationStatusDocument) => void;
}

/**
 * Used when there is no Retry-After to read: the server's own interval (StartGenerationHandler.RetryAfterSeconds).
 * A cross-origin page cannot read Retry-After unless the API exposes it (Access-Control-Expose-Headers), so this is
 * also what a client on another origin than its API falls back to. Never poll faster than the floor or slower than
 * the ceiling.
 */
export const defaultPollMs = 1000;
/**
 * RFC 7240 Prefer: wait on each poll: the server answers as soon as the generation finishes (a 16-bar sheet takes
 * about 0.1 s), or after this many seconds with its progress. The POST itself does not wait, so the page has the
 * status URL (and Cancel) at once; its first poll goes out straight away.
 */
export const pollWaitSeconds = 2;
const minPollMs = 250;
const maxPollMs = 30_000;
/** Consecutive network failures or 5xx answers tolerated while polling before giving up. */
export const maxTransientFailures = 4;
/** Extra POST attempts after a network failure; safe because every attempt carries the same Idempotency-Key. */
const postRetries = 2;

const jsonHeaders = { Accept: 'application/json, application/problem+json' };

export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetch: Fetch;
  private readonly sleep: Sleep;
  private readonly newKey: () => string;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    // Bound so the browser's fetch is never called with another `this`.
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? sleep;
    this.newKey = options.newKey ?? (() => crypto.randomUUID());
  }

  url(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  async models(signal?: AbortSignal): Promise<ModelDocument[]> {
    const response = await this.send(this.url('api/models'), { headers: jsonHeaders, signal });
    if (!response.ok) {
      throw new ApiError(await readProblem(response));
    }
    const body = (await readJson(response)) as Partial<ModelListDocument> | undefined;
    return Array.isArray(body?.models) ? body.models : [];
  }

  /** POST /api/generations under one Idempotency-Key, retried on network failure with that same key. */
  async start(request: GenerationRequest, signal?: AbortSignal): Promise<Started> {
    const key = this.newKey();
    const init: RequestInit = {
      method: 'POST',
      headers: { ...jsonHeaders, 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(request),
      signal,
    };
    let response: Response | undefined;
    for (let attempt = 0; response === undefined; attempt++) {
      try {
        response = await this.fetch(this.url('api/generations'), init);
      } catch (error) {
        if (isAbort(error) || attempt >= postRetries) {
          throw toApiError(error);
        }
        await this.sleep(backoffMs(attempt), signal);
      }
    }
    if (response.status !== 202) {
      throw new ApiError(await readProblem(response));
    }
    const accepted = (await readJson(response)) as GenerationAccepted | undefined;
    const statusUrl = accepted?.statusUrl ?? response.headers.get('Location');
    if (!accepted?.id || !statusUrl) {
      throw new ApiError(unexpected(response.status, 'The service accepted the request but did not say where to follow it.'));
    }
    return { accepted: { id: accepted.id, statusUrl }, retryAfterMs: retryAfterMs(response) ?? defaultPollMs };
  }

  /**
   * Polls a generation until it finishes, waiting as long as each answer's Retry-After asks. Network failures and
   * 5xx answers are retried a few times (a poll is a safe GET); a 4xx ends the poll with the server's problem.
   */
  async poll(statusUrl: string, options: PollOptions = {}): Promise<GenerationStatusDocument> {
    const { signal, onUpdate } = options;
    let delay = options.initialDelayMs ?? defaultPollMs;
    let failures = 0;
    for (;;) {
      await this.sleep(delay, signal);
      let response: Response;
      try {
        response = await this.fetch(statusUrl, { headers: { ...jsonHeaders, Prefer: `wait=${pollWaitSeconds}` }, cache: 'no-store', signal });
      } catch (error) {
        if (isAbort(error) || ++failures > maxTransientFailures) {
          throw toApiError(error);
        }
        delay = backoffMs(failures);
        continue;
      }
      if (response.status >= 500 || response.status === 429) {
        if (++failures > maxTransientFailures) {
          throw new ApiError(await readProblem(response));
        }
        delay = retryAfterMs(response) ?? backoffMs(failures);
        continue;
      }
      if (!response.ok) {
        throw new ApiError(await readProblem(response));
      }
      const status = (await readJson(response)) as GenerationStatusDocument | undefined;
      if (!status || typeof status.status !== 'string') {
        throw new ApiError(unexpected(response.status, 'The service answered with a status this page cannot read.'));
      }
      failures = 0;
      onUpdate?.(status);
      if (isFinished(status.status)) {
        return status;
      }
      delay = retryAfterMs(response) ?? defaultPollMs;
    }
  }

  /** DELETE the generation; one that already finished (409) or vanished (404) needs no canceling. */
  async cancel(statusUrl: string): Promise<void> {
    const response = await this.send(statusUrl, { method: 'DELETE', headers: jsonHeaders });
    if (!response.ok && response.status !== 409 && response.status !== 404) {
      throw new ApiError(await readProblem(response));
    }
  }

  /** The bytes behind a file link (same-origin /api/files or a cross-origin SAS link on the blob endpoint). */
  async file(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
    const response = await this.send(url, { signal });
    if (!response.ok) {
      // A storage error body is XML meant for operators; say what happened instead.
      throw new ApiError(unexpected(response.status,
        response.status === 403 ? 'The download link has expired; generate again or reload the result.' : `The file could not be downloaded (HTTP ${response.status}).`));
    }
    return response.arrayBuffer();
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetch(url, init);
    } catch (error) {
      throw toApiError(error);
    }
  }
}

/**
 * Reads a problem document from an error response. Only the RFC 9457 fields of a JSON body are kept, each checked for
 * its type; anything else (an HTML error page, a proxy's text) becomes a plain sentence for the status code, so no
 * server internals ever reach the page.
 */
export async function readProblem(response: Response): Promise<Problem> {
  const fallback = unexpected(response.status);
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!/[/+]json\b/i.test(contentType)) {
    return fallback;
  }
  const body = await readJson(response);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return fallback;
  }
  const raw = body as Record<string, unknown>;
  const problem: Problem = {
    type: typeof raw.type === 'string' ? raw.type : 'about:blank',
    title: typeof raw.title === 'string' && raw.title ? raw.title : fallback.title,
    status: typeof raw.status === 'number' ? raw.status : response.status,
  };
  if (typeof raw.detail === 'string') problem.detail = raw.detail;
  if (typeof raw.instance === 'string') problem.instance = raw.instance;
  const errors = readErrors(raw.errors);
  if (errors) problem.errors = errors;
  return problem;
}

function readErrors(value: unknown): Record<string, string[]> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  const errors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value as Record<string, unknown>)) {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string');
    if (list.length > 0) {
      errors[field] = list;
    }
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

const statusTitles: Record<number, string> = {
  0: 'The Sith Synth service could not be reached.',
  400: 'The request was not accepted.',
  403: 'Access was refused.',
  404: 'That was not found.',
  409: 'The request conflicts with an earlier one.',
  413: 'The request is too large.',
  415: 'The request was sent in a format the service does not take.',
  429: 'The service is busy; try again in a moment.',
};

function unexpected(status: number, detail?: string): Problem {
  const title = statusTitles[status] ?? (status >= 500 ? 'The service ran into a problem; try again in a moment.' : `The service answered with HTTP ${status}.`);
  return detail ? { type: 'about:blank', title, status, detail } : { type: 'about:blank', title, status };
}

/** Retry-After as delta-seconds or an HTTP date, clamped so a bad header can neither spin nor stall the page. */
export function retryAfterMs(response: Response, now: number = Date.now()): number | undefined {
  const header = response.headers.get('Retry-After')?.trim();
  if (!header) {
    return undefined;
  }
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(header)) {
    ms = Number(header) * 1000;
  } else {
    const date = Date.parse(header);
    if (Number.isNaN(date)) {
      return undefined;
    }
    ms = date - now;
  }
  return Math.min(maxPollMs, Math.max(minPollMs, ms));
}

const backoffMs = (attempt: number): number => Math.min(maxPollMs, 1000 * 2 ** attempt);

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

function toApiError(error: unknown): Error {
  if (isAbort(error) || error instanceof ApiError) {
    return error as Error;
  }
  return new ApiError(unexpected(0, 'Check the connection and try again.'));
}

/** setTimeout as a promise that an AbortSignal ends early (with the signal's AbortError). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, maxTransientFailures, readProblem, retryAfterMs } from '../../src/api';
import type { GenerationStatusDocument } from '../../src/contract';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });

const problem = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8' } });

const statusDoc = (status: GenerationStatusDocument['status'], extra: Partial<GenerationStatusDocument> = {}): GenerationStatusDocument => ({
  id: 'g1',
  status,
  stage: status === 'completed' ? 'done' : 'generating',
  progress: status === 'completed' ? 1 : 0.5,
  createdAt: '2026-01-01T00:00:00Z',
  lastUpdatedAt: '2026-01-01T00:00:01Z',
  timings: [],
  ...extra,
});

describe('readProblem', () => {
  it('keeps the RFC 9457 fields and the errors extension of a problem document', async () => {
    const read = await readProblem(problem(400, {
      type: 'urn:sithsynth:problem:invalid-request',
      title: 'The generation request is invalid.',
      status: 400,
      detail: "Fix the fields named in 'errors' (bars, valence) and send the request again.",
      instance: '/api/generations',
      errors: { bars: ["Bars must be between 8 and 40 for model 'transformer'."], valence: ['a', 'b'] },
    }));

    expect(read).toEqual({
      type: 'urn:sithsynth:problem:invalid-request',
      title: 'The generation request is invalid.',
      status: 400,
      detail: "Fix the fields named in 'errors' (bars, valence) and send the request again.",
      instance: '/api/generations',
      errors: { bars: ["Bars must be between 8 and 40 for model 'transformer'."], valence: ['a', 'b'] },
    });
  });

  it('drops fields of the wrong type instead of showing them', async () => {
    const read = await readProblem(problem(400, { title: 42, status: 'x', errors: { bars: [1, 'real'], seed: 'one', key: [] }, stack: 'at X.Y()' }));

    expect(read.title).toBe('The request was not accepted.');
    expect(read.status).toBe(400);
    expect(read.errors).toEqual({ bars: ['real'], seed: ['one'] });
    expect(JSON.stringify(read)).not.toContain('at X.Y');
  });

  it('turns a body that is not JSON into a plain sentence, never the body itself', async () => {
    const read = await readProblem(new Response('<html>System.InvalidOperationException at Foo.Bar()</html>', {
      status: 500, headers: { 'Content-Type': 'text/html' },
    }));

    expect(read).toEqual({ type: 'about:blank', title: 'The service ran into a problem; try again in a moment.', status: 500 });
  });

  it('survives a JSON content type with a broken body', async () => {
    const read = await readProblem(new Response('{not json', { status: 413, headers: { 'Content-Type': 'application/problem+json' } }));

    expect(read.title).toBe('The request is too large.');
  });
});

describe('retryAfterMs', () => {
  const with_ = (value: string) => new Response(null, { headers: { 'Retry-After': value } });

  it('reads delta-seconds', () => {
    expect(retryAfterMs(with_('2'))).toBe(2000);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(with_('Thu, 01 Jan 2026 00:00:05 GMT'), now)).toBe(5000);
  });

  it('clamps so a bad header neither spins nor stalls', () => {
    expect(retryAfterMs(with_('0'))).toBe(250);
    expect(retryAfterMs(with_('86400'))).toBe(30_000);
  });

  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(new Response(null))).toBeUndefined();
    expect(retryAfterMs(with_('soon'))).toBeUndefined();
  });
});

describe('ApiClient.start', () => {
  it('posts the request as JSON with an Idempotency-Key and returns the status URL and Retry-After', async () => {
    const fetch = vi.fn(async () => json(202, { id: 'k-1', statusUrl: 'http://host/api/generations/k-1' }, { 'Retry-After': '2', Location: 'http://host/api/generations/k-1' }));
    const client = new ApiClient({ baseUrl: 'http://host', fetch, newKey: () => 'key-1' });

    const started = await client.start({ bars: 8, valence: [1, 2], seed: '18446744073709551615' });

    expect(started).toEqual({ accepted: { id: 'k-1', statusUrl: 'http://host/api/generations/k-1' }, retryAfterMs: 2000 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://host/api/generations');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', 'Idempotency-Key': 'key-1' });
    expect(init.headers).not.toHaveProperty('Prefer');
    // The seed travels as a string of digits, so no precision is lost past 2^53.
    expect(init.body).toBe('{"bars":8,"valence":[1,2],"seed":"18446744073709551615"}');
  });

  it('retries a network failure with the same Idempotency-Key, so the server starts one generation', async () => {
    const fetch = vi.fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json(202, { id: 'k-1', statusUrl: 'http://host/api/generations/k-1' }));
    const keys = ['first', 'second'];
    const client = new ApiClient({ baseUrl: 'http://host/', fetch, newKey: () => keys.shift()!, sleep: async () => undefined });

    await client.start({});

    expect(fetch).toHaveBeenCalledTimes(2);
    const sent = fetch.mock.calls.map(([, init]) => (init as RequestInit).headers as Record<string, string>);
    expect(sent.map((h) => h['Idempotency-Key'])).toEqual(['first', 'first']);
  });

  it('uses a fresh key for each generation', async () => {
    const fetch = vi.fn(async () => json(202, { id: 'x', statusUrl: 'http://host/api/generations/x' }));
    let n = 0;
    const client = new ApiClient({ baseUrl: 'http://host/', fetch, newKey: () => `key-${++n}` });

    await client.start({});
    await client.start({});

    const sent = fetch.mock.calls.map((call) => ((call as unknown as [string, RequestInit])[1].headers as Record<string, string>)['Idempotency-Key']);
    expect(sent).toEqual(['key-1', 'key-2']);
  });

  it('throws the problem with its field errors on 400', async () => {
    const fetch = vi.fn(async () => problem(400, { type: 't', title: 'The generation request is invalid.', status: 400, errors: { bars: ['too many'] } }));
    const client = new ApiClient({ baseUrl: 'http://host/', fetch, newKey: () => 'k' });

    const error = await client.start({ bars: 99 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors).toEqual({ bars: ['too many'] });
    expect((error as ApiError).problem.status).toBe(400);
  });

  it('gives up after a few network failures with a sentence, not the TypeError', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('NetworkError when attempting to fetch resource.');
    });
    const client = new ApiClient({ baseUrl: 'http://host/', fetch, newKey: () => 'k', sleep: async () => undefined });

    const error = (await client.start({}).catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem.status).toBe(0);
    expect(error.message).not.toContain('NetworkError');
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});

describe('ApiClient.poll', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits as long as each Retry-After says before polling again', async () => {
    const answers = [
      json(200, statusDoc('pending', { stage: 'queued', progress: 0 }), { 'Retry-After': '2' }),
      json(200, statusDoc('running'), { 'Retry-After': '5' }),
      json(200, statusDoc('completed', { variations: [] })),
    ];
    const fetch = vi.fn(async () => answers.shift()!);
    const updates: string[] = [];
    const client = new ApiClient({ baseUrl: 'http://host/', fetch });

    const done = client.poll('http://host/api/generations/g1', { initialDelayMs: 2000, onUpdate: (s) => updates.push(s.status) });

    await vi.advanceTimersByTimeAsync(1999);
    expect(fetch).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4999);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);

    await expect(done).resolves.toMatchObject({ status: 'completed' });
    expect(updates).toEqual(['pending', 'running', 'completed']);
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.cache).toBe('no-store');
    expect(init.headers).toMatchObject({ Prefer: 'wait=2' });
  });

  it("polls at the server's usual second when no Retry-After can be read", async () => {
    const answers = [json(200, statusDoc('running')), json(200, statusDoc('failed', { error: { stage: 'generating', errorType: 'X', message: 'boom' } }))];
    const fetch = vi.fn(async () => answers.shift()!);
    const client = new ApiClient({ baseUrl: 'http://host/', fetch });

    const done = client.poll('http://host/s', { initialDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);

    await expect(done).resolves.toMatchObject({ status: 'failed' });
  });

  it('rides out a 503 and a dropped connection, honouring the 503 Retry-After', async () => {
    const answers: Array<() => Response> = [
      () => json(503, {}, { 'Retry-After': '3' }),
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => json(200, statusDoc('completed', { variations: [] })),
    ];
    const fetch = vi.fn(async () => answers.shift()!());
    const client = new ApiClient({ baseUrl: 'http://host/', fetch });

    const done = client.poll('http://host/s', { initialDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10_000);

    await expect(done).resolves.toMatchObject({ status: 'completed' });
  });

  it('gives up after repeated server errors', async () => {
    const fetch = vi.fn(async () => json(500, {}));
    const client = new ApiClient({ baseUrl: 'http://host/', fetch });

    const done = client.poll('http://host/s', { initialDelayMs: 0 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(120_000);

    expect(await done).toBeInstanceOf(ApiError);
    expect(fetch).toHaveBeenCalledTimes(maxTransientFailures + 1);
  });

  it('ends at once on a 404 with the problem', async () => {
    const fetch = vi.fn(async () => problem(404, { type: 'urn:sithsynth:problem:generation-not-found', title: 'There is no such generation.', status: 404, detail: "No generation has the id 'x'." }));
    const client = new ApiClient({ baseUrl: 'http://host/', fetch });

    const done = client.poll('http://host/s', { initialDelayMs: 0 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);

    expect(((await done) as ApiError).problem.title).toBe('There is no such generation.');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when aborted', async () => {
    const fetch = vi.fn(async () => json(200, statusDoc('running'), { 'Retry-After': '2' }));
    const client = new ApiClient({ baseUrl: 'http://host/', fetch });
    const controller = new AbortController();

    const done = client.poll('http://host/s', { initialDelayMs: 0, signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();

    expect(((await done) as DOMException).name).toBe('AbortError');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('ApiClient.cancel and file', () => {
  it('treats canceling a finished generation as done', async () => {
    const fetch = vi.fn(async () => problem(409, { title: 'The generation has already finished.', status: 409 }));
    const client = new ApiClient({ baseUrl: 'http://host/', fetch });

    await expect(client.cancel('http://host/api/generations/g1')).resolves.toBeUndefined();
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].method).toBe('DELETE');
  });

  it('says an expired link has expired instead of showing storage XML', async () => {
    const fetch = vi.fn(async () => new Response('<?xml version="1.0"?><Error><Code>AuthenticationFailed</Code></Error>', { status: 403, headers: { 'Content-Type': 'application/xml' } }));
    const client = new ApiClient({ baseUrl: 'http://host/', fetch });

    const error = (await client.file('https://acct.blob/x?sig=y').catch((e: unknown) => e)) as ApiError;

    expect(error.message).toContain('expired');
    expect(error.message).not.toContain('AuthenticationFailed');
  });

  it('resolves API paths against the configured base', () => {
    expect(new ApiClient({ baseUrl: 'https://func.example' }).url('api/models')).toBe('https://func.example/api/models');
    expect(new ApiClient({ baseUrl: 'https://func.example/' }).url('api/models')).toBe('https://func.example/api/models');
  });
});

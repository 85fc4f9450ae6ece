// The client as a musician meets it (issue 13): what shows before a result, the messages a field gives, where the eye
// is led, the transport, share links and history, print and dark mode. Chromium against `sithsynth serve`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelListDocument } from '../../src/contract';
import { axeViolations, launchChromium, openPage, repoRoot, scrollsSideways, startServe, type Serve } from './harness';

let serve: Serve;
let browser: Browser;

beforeAll(async () => {
  serve = await startServe();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

/** Screenshots to look at while working (not committed): TestResults/screens. */
const looks = join(repoRoot, 'TestResults', 'screens');

async function modelsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('#model option').length >= 2, undefined, { timeout: 30_000 });
}

async function waitForSheets(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.score[data-state="ready"]').length === n || document.querySelector('.score[data-state="error"], #alert:not(:empty)') !== null,
    count,
    { timeout: 90_000 },
  );
  expect(await page.evaluate(() => document.querySelector('.score[data-state="error"], #alert:not(:empty)')?.textContent ?? null)).toBeNull();
}

/** Where an element is in the window: its top and bottom in CSS px, and whether all of it is inside. */
function placement(page: Page, selector: string) {
  return page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), inView: r.top >= -1 && r.bottom <= window.innerHeight + 1 && r.height > 0 };
  });
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function look(page: Page, name: string): Promise<void> {
  mkdirSync(looks, { recursive: true });
  await page.screenshot({ path: join(looks, `${name}.png`) });
}

describe('before any generation', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    ({ page, problems } = await openPage(context, serve.url));
    await modelsLoaded(page);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('shows the empty panel without a seed line or its button', async () => {
    expect(await page.isVisible('#results-empty')).toBe(true);
    expect(await page.isVisible('#results-summary')).toBe(false);
    expect(await page.isVisible('#use-seed')).toBe(false);
  });

  it('says in plain words what the model is like, from its card summary', async () => {
    const models = (await (await fetch(`${serve.url}/api/models`)).json()) as ModelListDocument;
    for (const model of models.models) {
      await page.selectOption('#model', model.name);
      const help = await page.textContent('#model-help');
      expect(help).toBe(model.summary);
      expect(help).not.toMatch(/layer|decoder|encoder|d=|parameters/i);
    }
  });

  it('says what the seed field accepts instead of the browser message', async () => {
    await page.fill('#seed', '12ab');
    await page.click('#generate');
    await expect.poll(() => page.isVisible('#seed-error')).toBe(true);
    const message = await page.textContent('#seed-error');
    expect(message).toBe('Enter a whole number of up to 20 digits (0 to 9 only), or leave it blank for a fresh seed.');
    expect(await page.getAttribute('#seed', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('seed');
  });

  it('says the range of a number field in the page words', async () => {
    await page.fill('#seed', '');
    await page.fill('#tempo', '500');
    await page.click('#generate');
    await expect.poll(() => page.textContent('#tempo-error')).toBe('Enter a whole number from 30 to 300.');
    await page.fill('#tempo', '100');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('where the eye is, at 1280×800', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    ({ page, problems } = await openPage(context, serve.url));
    await modelsLoaded(page);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('moves focus to the progress while a generation runs', async () => {
    await page.fill('#bars', '40');
    await page.fill('#variations', '8');
    await page.click('#generate');
    await expect.poll(() => focusedId(page)).toBe('progress-panel');
    await expect.poll(async () => (await placement(page, '#progress-panel')).inView).toBe(true);
    await page.click('#cancel');
    await expect.poll(() => page.textContent('#progress-text')).toBe('Canceled.');
  });

  it('scrolls the result into view with focus on it, the transport at its top', async () => {
    await page.fill('#bars', '16');
    await page.fill('#variations', '2');
    await page.fill('#seed', '4242');
    await page.click('#generate');
    await waitForSheets(page, 2);
    await expect.poll(() => focusedId(page)).toBe('results');
    await expect.poll(async () => (await placement(page, '#results')).top, { timeout: 5_000 }).toBeLessThan(40);
    expect((await placement(page, '#play')).inView).toBe(true);
    expect(await page.isVisible('#transport-variation')).toBe(true);
    await look(page, 'desktop-result');

    // Scrolled to the end of the second sheet, the transport is still at the top of the window.
    await page.$eval('#variation-2', (e) => e.scrollIntoView({ block: 'end' }));
    await expect.poll(async () => (await placement(page, '#transport')).top).toBe(0);
    expect((await placement(page, '#play')).inView).toBe(true);
    expect((await placement(page, '#download-midi')).inView).toBe(true);
    expect(await page.textContent('#position')).toBe('16 bars');
    await look(page, 'desktop-transport-stuck');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows a failure beside the Generate button and scrolls it into view', async () => {
    await page.route('**/api/generations', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'urn:sithsynth:problem:busy', title: 'The service is busy.', status: 503, detail: 'Try again in a minute.' }) }));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.click('#generate');
    await expect.poll(() => focusedId(page)).toBe('generate-error');
    await expect.poll(async () => (await placement(page, '#generate-error')).inView).toBe(true);
    expect(await page.textContent('#generate-error')).toBe('The service is busy. Try again in a minute.');
    expect(await page.getAttribute('#generate', 'aria-describedby')).toBe('generate-error');
    const button = await placement(page, '#generate');
    const message = await placement(page, '#generate-error');
    expect(message.top - button.bottom).toBeLessThan(40);
    expect(button.top).toBeGreaterThanOrEqual(0);
    await look(page, 'desktop-error');
    expect(await axeViolations(page)).toEqual([]);
    await page.unroute('**/api/generations');
  });

  it('says beside the Generate button how many settings to fix', async () => {
    await page.fill('#tempo', '500');
    await page.fill('#seed', 'x');
    await page.click('#generate');
    await expect.poll(() => page.textContent('#generate-error')).toBe('Not generated: 2 settings need a change, marked above.');
    expect(await focusedId(page)).toBe('tempo');
  });
});

describe('on a phone, 390×844', () => {
  it('puts Play in view after the result, keeps it there and draws at least two bars a line', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      const { page, problems } = await openPage(context, serve.url);
      await modelsLoaded(page);
      // The busiest sheet: piano layout (two staves) at high density.
      await page.selectOption('#density', 'high');
      await page.fill('#seed', '31');
      await page.tap('#generate');
      await waitForSheets(page, 1);
      await expect.poll(async () => (await placement(page, '#results')).top).toBeLessThan(20);
      expect((await placement(page, '#play')).inView).toBe(true);
      const perLine = await page.$eval('.score', (b) => JSON.parse((b as HTMLElement).dataset.barsPerSystem ?? '[]') as number[]);
      expect(perLine.reduce((a, b) => a + b, 0)).toBe(16);
      expect(Math.min(...perLine), JSON.stringify(perLine)).toBeGreaterThanOrEqual(2);
      expect(await scrollsSideways(page)).toBe(false);
      await look(page, 'phone-result');
      await page.$eval('.score', (e) => e.scrollIntoView({ block: 'end' }));
      await expect.poll(async () => (await placement(page, '#transport')).top).toBe(0);
      await look(page, 'phone-sheet-end');
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('tap → engraved sheet (a benchmark, reported, not asserted)', () => {
  it('times a 16-bar single variation from the click to the drawn sheet on a fresh page', async () => {
    const runs: number[] = [];
    for (let run = 0; run < 7; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const { page, problems } = await openPage(context, serve.url);
        await modelsLoaded(page);
        // As a musician would: a moment choosing settings (when the prefetch runs), then Generate.
        await page.focus('#seed');
        await page.fill('#seed', String(9000 + run));
        await page.waitForTimeout(1500);
        const started = Date.now();
        await page.click('#generate');
        await page.waitForSelector('.score[data-state="ready"]', { timeout: 60_000 });
        runs.push(Date.now() - started);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }
    const sorted = [...runs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const report = { what: 'tap → engraved sheet, 16 bars, 1 variation, serve, Chromium 1280×800', runsMs: runs, medianMs: median, minMs: sorted[0], maxMs: sorted.at(-1) };
    mkdirSync(join(repoRoot, 'TestResults'), { recursive: true });
    writeFileSync(join(repoRoot, 'TestResults', 'web-timing.json'), JSON.stringify(report, null, 2));
    console.log(`tap → engraved sheet: median ${median} ms over ${runs.length} runs (${runs.join(', ')} ms)`);
    expect(runs).toHaveLength(7);
  });
});

// The client as a musician meets it (issue 13): what shows before a result, the messages a field gives, where the eye
// is led, the transport, share links and history, print and dark mode. Chromium against `sithsynth serve`.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelListDocument } from '../../src/contract';
import { axeViolations, launchChromium, openPage, startServe, type Serve } from './harness';

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

async function modelsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('#model option').length >= 2, undefined, { timeout: 30_000 });
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

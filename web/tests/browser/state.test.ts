// The page's state beyond one generation, in Chromium against `sithsynth serve`: a share link that writes the same
// files again in a fresh browser, the history in localStorage, the same seed in another key, the print view and the
// dark colour scheme (axe-core in each).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationStatusDocument } from '../../src/contract';
import { historyKey } from '../../src/history';
import { axeViolations, launchChromium, openPage, repoRoot, startServe, type Serve } from './harness';

/** For a person to look at, beside the JUnit reports: the print view (as a PDF too) and the dark scheme. */
const lookAt = join(repoRoot, 'TestResults');

let serve: Serve;
let browser: Browser;

beforeAll(async () => {
  serve = await startServe();
  mkdirSync(lookAt, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

async function modelsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('#model option').length >= 2, undefined, { timeout: 30_000 });
}

const isFinalStatus = (url: string) => /\/api\/generations\/[^/]+$/.test(new URL(url).pathname);

/**
 * Clicks what starts a generation and waits until its sheets are engraved; returns the completed status document.
 * Sheets of an earlier run are marked first, so their being ready does not count.
 */
async function generate(page: Page, control = '#generate'): Promise<GenerationStatusDocument> {
  await page.$$eval('.score', (boxes) => boxes.forEach((b) => ((b as HTMLElement).dataset.earlier = 'true')));
  const [response] = await Promise.all([
    page.waitForResponse(async (r) => r.request().method() === 'GET' && isFinalStatus(r.url()) && (await r.json().catch(() => undefined))?.status === 'completed', { timeout: 90_000 }),
    page.click(control),
  ]);
  const status = (await response.json()) as GenerationStatusDocument;
  const count = status.variations!.length;
  await page.waitForFunction(
    (n) => document.querySelectorAll('.score[data-state="ready"]:not([data-earlier])').length === n || document.querySelector('.score[data-state="error"], #alert:not(:empty)') !== null,
    count,
    { timeout: 90_000 },
  );
  expect(await page.evaluate(() => document.querySelector('.score[data-state="error"], #alert:not(:empty)')?.textContent ?? null)).toBeNull();
  return status;
}

/** Every variation's MusicXML and MIDI bytes, as the server sends them. */
async function files(status: GenerationStatusDocument): Promise<{ musicXml: Buffer; midi: Buffer }[]> {
  const bytes = async (url: string) => Buffer.from(await (await fetch(new URL(url, serve.url))).arrayBuffer());
  return Promise.all(status.variations!.map(async (v) => ({ musicXml: await bytes(v.files.musicXml.url), midi: await bytes(v.files.midi.url) })));
}

const formValues = (page: Page) => page.evaluate(() => {
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
  return {
    model: value('model'), key: value('key'), timeSignature: value('timeSignature'), bars: value('bars'), tempo: value('tempo'),
    temperature: value('temperature'), valence: value('valence'), density: value('density'), seed: value('seed'),
    variations: value('variations'), layout: value('layout'),
  };
});

const storedHistory = (page: Page) => page.evaluate((key) => localStorage.getItem(key), historyKey);

describe('a share link', () => {
  it('fills the form in a fresh browser and writes byte-identical files', async () => {
    const first = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const second = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await first.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.url });
      const { page, problems } = await openPage(first, serve.url);
      await modelsLoaded(page);
      await page.selectOption('#model', 'lstm');
      await page.selectOption('#key', 'G');
      await page.selectOption('#timeSignature', '3/4');
      await page.fill('#bars', '8');
      await page.fill('#tempo', '96');
      await page.fill('#temperature', '0.95');
      await page.fill('#valence', '1.5');
      await page.selectOption('#density', 'high');
      await page.fill('#variations', '2');
      await page.selectOption('#layout', 'lead-sheet');
      // No seed: the server picks one, and the link must carry that one.
      const run = await generate(page);
      expect(run.seed).toMatch(/^\d+$/);
      const link = page.url();
      expect(new URL(link).searchParams.get('seed')).toBe(run.seed);
      expect(new URL(link).searchParams.get('model')).toBe('lstm');

      await page.click('#copy-link');
      await expect.poll(() => page.textContent('#share-status')).toMatch(/^Link copied/);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      expect(await axeViolations(page)).toEqual([]);

      const fresh = await openPage(second, link);
      await modelsLoaded(fresh.page);
      expect(await formValues(fresh.page)).toEqual({
        model: 'lstm', key: 'G', timeSignature: '3/4', bars: '8', tempo: '96', temperature: '0.95', valence: '1.5', density: 'high',
        seed: run.seed, variations: '2', layout: 'lead-sheet',
      });
      const again = await generate(fresh.page);
      expect(again.seed).toBe(run.seed);

      const before = await files(run);
      const after = await files(again);
      expect(before).toHaveLength(2);
      for (const [i, sheet] of before.entries()) {
        expect(sheet.musicXml.length).toBeGreaterThan(1000);
        expect(after[i]!.musicXml.equals(sheet.musicXml)).toBe(true);
        expect(after[i]!.midi.equals(sheet.midi)).toBe(true);
      }
      // The comparison can tell sheets apart: the two variations differ.
      expect(before[0]!.musicXml.equals(before[1]!.musicXml)).toBe(false);
      expect(problems).toEqual([]);
      expect(fresh.problems).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('keeps the good parameters of a damaged link and ignores the rest, field by field', async () => {
    const context = await browser.newContext();
    try {
      const { page, problems } = await openPage(context, `${serve.url}/?bars=abc&key=H&tempo=120&foo=1&valence=9&seed=12a&timeSignature=6%2F8&density=low,high&layout=poster`);
      await modelsLoaded(page);
      expect(await formValues(page)).toEqual({
        model: 'transformer', key: 'C', timeSignature: '6/8', bars: '16', tempo: '120', temperature: '1', valence: '', density: 'med',
        seed: '', variations: '1', layout: 'piano',
      });
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the history', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ({ page, problems } = await openPage(context, serve.url));
    await modelsLoaded(page);
  });

  afterAll(async () => {
    await context?.close();
  });

  let firstRun: Buffer[];

  it('lists each finished generation, newest first, after a reload too', async () => {
    expect(await page.isVisible('#history-empty')).toBe(true);
    await page.selectOption('#key', 'Dm');
    await page.fill('#bars', '8');
    await page.fill('#seed', '4242');
    firstRun = (await files(await generate(page))).map((f) => f.musicXml);
    await page.fill('#seed', '99');
    await page.selectOption('#timeSignature', '6/8');
    await generate(page);

    const stored = JSON.parse((await storedHistory(page))!) as { seed: string; settings: { seed: string; key: string }; time: string; sheets: { key: string; bars: number; model: string; timeSignature: string }[] }[];
    expect(stored.map((e) => e.seed)).toEqual(['99', '4242']);
    expect(stored[1]!.settings).toMatchObject({ seed: '4242', key: 'Dm', bars: 8, timeSignature: '4/4' });
    expect(stored[1]!.sheets).toEqual([expect.objectContaining({ key: 'Dm', bars: 8, model: 'transformer', timeSignature: '4/4' })]);

    await page.goto(serve.url);
    await modelsLoaded(page);
    const items = await page.$$eval('#history-list li', (li) => li.map((l) => l.querySelector('.history-summary')!.textContent));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^D minor, 6\/8, 8 bars, transformer — 1 sheet, seed 99/);
    expect(items[1]).toMatch(/^D minor, 4\/4, 8 bars, transformer — 1 sheet, seed 4242/);
    expect(await page.isVisible('#history-empty')).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reopens an entry into the form, and Generate writes the same sheet again', async () => {
    await page.click('#history-list li:nth-child(2) .history-open');
    expect(await formValues(page)).toMatchObject({ key: 'Dm', timeSignature: '4/4', bars: '8', seed: '4242' });
    expect(await page.textContent('#history-status')).toContain('seed 4242');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('generate');
    const again = await files(await generate(page));
    expect(again.map((f) => f.musicXml.equals(firstRun[0]!))).toEqual([true]);
    // Written again, it moves to the top rather than showing twice.
    expect(await page.$$eval('#history-list .history-summary', (p) => p.map((e) => e.textContent))).toEqual([
      expect.stringContaining('seed 4242'), expect.stringContaining('seed 99'),
    ]);
  });

  it('writes the same seed and settings in another key with one click', async () => {
    const otherKey = async (click: () => Promise<unknown>) => {
      const [posted] = await Promise.all([
        page.waitForRequest((r) => r.url().endsWith('/api/generations') && r.method() === 'POST'),
        click(),
      ]);
      return posted.postDataJSON();
    };
    // The picker starts a fifth up from the shown key, so the click alone changes it.
    expect(await page.inputValue('#other-key')).toBe('Am');
    expect(await otherKey(() => generate(page, '#other-key-generate'))).toMatchObject({ key: 'Am', seed: '4242', bars: 8, timeSignature: '4/4', model: 'transformer' });
    expect(await page.textContent('#results-settings')).toBe('A minor, 4/4, 8 bars, transformer');

    await page.selectOption('#other-key', 'Gm');
    expect(await otherKey(() => generate(page, '#other-key-generate'))).toMatchObject({ key: 'Gm', seed: '4242', bars: 8, timeSignature: '4/4', model: 'transformer' });
    expect(await page.textContent('#results-seed')).toBe('4242');
    expect(await page.textContent('#results-settings')).toBe('G minor, 4/4, 8 bars, transformer');
    expect(await formValues(page)).toMatchObject({ key: 'Gm', seed: '4242' });
    expect(new URL(page.url()).searchParams.get('key')).toBe('Gm');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is cleared with one button, for good', async () => {
    await page.click('#clear-history');
    expect(await page.isVisible('#history-empty')).toBe(true);
    expect(await page.$$('#history-list li')).toHaveLength(0);
    expect(await storedHistory(page)).toBeNull();
    await page.goto(serve.url);
    await modelsLoaded(page);
    expect(await page.isVisible('#history-empty')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('survives corrupt storage: junk is skipped, the page works and writes a fresh list', async () => {
    await page.evaluate((key) => localStorage.setItem(key, '{not json'), historyKey);
    await page.goto(serve.url);
    await modelsLoaded(page);
    expect(await page.isVisible('#history-empty')).toBe(true);
    await page.fill('#bars', '8');
    await page.fill('#seed', '5');
    await generate(page);
    const good = JSON.parse((await storedHistory(page))!)[0];
    expect(good.seed).toBe('5');

    // One good entry among junk of every shape: the good one is listed.
    await page.evaluate(([key, entry]) => localStorage.setItem(key, JSON.stringify([null, 7, 'x', { seed: 3 }, { ...entry, sheets: 'none' }, entry])), [historyKey, good] as const);
    await page.goto(serve.url);
    await modelsLoaded(page);
    expect(await page.$$eval('#history-list .history-summary', (p) => p.map((e) => e.textContent))).toEqual([expect.stringContaining('seed 5')]);
    expect(problems).toEqual([]);
  });
});

describe('the print view', () => {
  it('prints the title and the engraved sheets, without controls, as a PDF', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, problems } = await openPage(context, serve.url);
      await modelsLoaded(page);
      await page.fill('#bars', '8');
      await page.fill('#variations', '2');
      await page.fill('#seed', '31');
      await generate(page);

      await page.emulateMedia({ media: 'print' });
      const shown = (selector: string) => page.$$eval(selector, (nodes) => nodes.map((n) => {
        const style = getComputedStyle(n);
        const box = n.getBoundingClientRect();
        return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
      }));
      for (const control of ['#generation-form', '#transport', '#history', '#progress-panel', '#use-seed', '#copy-link', '#other-key', '#other-key-generate', '.skip-link']) {
        expect({ control, shown: await shown(control) }).toEqual({ control, shown: [false] });
      }
      expect(await page.$$('button:visible, select:visible, input:visible')).toHaveLength(0);
      expect(await shown('.site-header h1')).toEqual([true]);
      expect(await shown('.score svg')).toEqual([true, true]);
      await page.screenshot({ path: join(lookAt, 'print-view.png'), fullPage: true });

      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(lookAt, 'print-view.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Each sheet on a page of its own.
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(2);
      await page.emulateMedia({ media: 'screen' });
      expect(await shown('#generation-form')).toEqual([true]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('dark mode', () => {
  it('follows prefers-color-scheme, with the sheet on light paper and no axe-core violations', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, problems } = await openPage(context, serve.url);
      await page.emulateMedia({ colorScheme: 'dark' });
      await modelsLoaded(page);
      /** Relative luminance (WCAG) of an element's computed background. */
      const luminance = (selector: string) => page.$eval(selector, (n) => {
        const [r, g, b] = (getComputedStyle(n).backgroundColor.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      });
      expect(await luminance('html')).toBeLessThan(0.05);
      expect(await luminance('#generation-form')).toBeLessThan(0.05);
      expect(await axeViolations(page)).toEqual([]);

      await page.fill('#bars', '8');
      await page.fill('#seed', '8');
      await generate(page);
      expect(await luminance('.score')).toBeGreaterThan(0.9);
      expect(await axeViolations(page)).toEqual([]);
      await page.evaluate(() => document.getElementById('results')!.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(lookAt, 'dark-mode.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// Co-writing in Chromium against `sithsynth serve`: bars picked on the engraved sheet (and by keyboard) are written
// again while every other bar stays note for note, Undo brings the first take back, and an uploaded MusicXML primer
// opens the next sheet. The MusicXML files, not the drawing, are what the comparisons read.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationRequest, GenerationStatusDocument } from '../../src/contract';
import { historyKey } from '../../src/history';
import { axeViolations, launchChromium, openPage, scrollsSideways, startServe, type Serve } from './harness';

let serve: Serve;
let browser: Browser;
let files: string;

beforeAll(async () => {
  serve = await startServe();
  browser = await launchChromium();
  files = mkdtempSync(join(tmpdir(), 'sithsynth-cowrite-'));
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

/** The measures of a part, each as its notes and chord symbols: courtesy accidentals left out (they follow the bar before). */
function measures(xml: string, part = 'P1'): string[] {
  const body = new RegExp(`<part id="${part}">([\\s\\S]*?)</part>`).exec(xml)?.[1] ?? '';
  return [...body.matchAll(/<measure\b[^>]*>([\s\S]*?)<\/measure>/g)].map((m) =>
    [...m[1]!.matchAll(/<(note|harmony)>[\s\S]*?<\/\1>/g)].map((n) => n[0].replace(/<accidental cautionary="yes">[^<]*<\/accidental>/g, '').replace(/\s+/g, ' ')).join('\n'));
}

/** Every completed status the page received and every generation request it sent. */
function watch(page: Page) {
  const completed: GenerationStatusDocument[] = [];
  const posts: GenerationRequest[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/generations')) posts.push(JSON.parse(request.postData() ?? '{}') as GenerationRequest);
  });
  page.on('response', async (response) => {
    if (/\/api\/generations\/[^/]+$/.test(new URL(response.url()).pathname) && response.request().method() === 'GET') {
      const body = (await response.json().catch(() => undefined)) as GenerationStatusDocument | undefined;
      if (body?.status === 'completed') completed.push(body);
    }
  });
  return { completed, posts };
}

async function fileText(url: string): Promise<string> {
  const response = await fetch(new URL(url, serve.url));
  expect(response.status).toBe(200);
  return response.text();
}

/** The sheet's file as the page would save it now (the transport's MusicXML button): what is on screen. */
async function downloaded(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-musicxml')]);
  return readFileSync((await download.path())!, 'utf8');
}

async function sheetReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#variation-1 .score[data-state="ready"], #variation-1 .score[data-state="error"], #alert:not(:empty)') !== null, undefined, { timeout: 90_000 });
  expect(await page.evaluate(() => document.querySelector('#variation-1 .score[data-state="error"], #alert:not(:empty)')?.textContent ?? null)).toBeNull();
}

/** Clicks the middle of a bar as drawn (the boxes Score.barBoxes recorded on the sheet), with shift if asked. */
async function clickBar(page: Page, bar: number, shift = false): Promise<void> {
  const box = await page.$eval('#variation-1 .score', (b) => JSON.parse((b as HTMLElement).dataset.barBoxes ?? '[]') as number[][]);
  const [x, y, width, height] = box[bar - 1]!;
  await page.click('#variation-1 .score', { position: { x: x! + width! / 2, y: y! + height! / 2 }, modifiers: shift ? ['Shift'] : [] });
}

const selected = (page: Page) => page.evaluate(() => ({
  from: (document.getElementById('variation-1-rewrite-from') as HTMLInputElement).value,
  to: (document.getElementById('variation-1-rewrite-to') as HTMLInputElement).value,
  bars: (document.querySelector('#variation-1 .bar-selection') as HTMLElement | null)?.dataset.bars ?? '',
  marks: document.querySelectorAll('#variation-1 .bar-mark').length,
  label: document.querySelector('#variation-1 .score')?.getAttribute('aria-label') ?? '',
}));

describe('co-writing in the web client', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let watched: ReturnType<typeof watch>;
  let original: string;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    ({ page, problems } = await openPage(context, serve.url));
    watched = watch(page);
    await page.waitForFunction(() => document.querySelectorAll('#model option').length >= 2, undefined, { timeout: 30_000 });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('selects bars 5 to 8 by clicking the engraved measures, and highlights them', async () => {
    await page.fill('#bars', '16');
    await page.fill('#seed', '5');
    await page.click('#generate');
    await sheetReady(page);
    // The page may draw before this test's listener has read the status: wait for it here.
    await expect.poll(() => watched.completed.length).toBe(1);
    original = await fileText(watched.completed[0]!.variations![0]!.files.musicXml.url);
    expect(measures(original)).toHaveLength(16);

    await clickBar(page, 5);
    expect(await selected(page)).toMatchObject({ from: '5', to: '5', bars: '5-5', marks: 1 });
    await clickBar(page, 8);
    expect(await selected(page)).toEqual({ from: '5', to: '8', bars: '5-8', marks: 4, label: 'Sheet music of variation 1, bars 5–8 selected' });
    // A shift-click moves the far end; a plain click on a shown range starts again.
    await clickBar(page, 10, true);
    expect((await selected(page)).bars).toBe('5-10');
    await clickBar(page, 12);
    expect((await selected(page)).bars).toBe('12-12');
    await clickBar(page, 5);
    expect((await selected(page)).bars).toBe('5-12');
    await clickBar(page, 5);
    expect((await selected(page)).bars).toBe('5-5');
    await clickBar(page, 8, true);
    expect((await selected(page)).bars).toBe('5-8');

    // Each mark lies over its bar as drawn.
    const marks = await page.$$eval('#variation-1 .bar-mark', (m) => m.map((e) => [(e as HTMLElement).offsetLeft, (e as HTMLElement).offsetTop, (e as HTMLElement).offsetWidth]));
    const boxes = await page.$eval('#variation-1 .score', (b) => JSON.parse((b as HTMLElement).dataset.barBoxes ?? '[]') as number[][]);
    const off = marks.flatMap((mark, i) => mark.map((v, j) => Math.abs(v - boxes[4 + i]![j]!)));
    expect(marks).toHaveLength(4);
    expect(Math.max(...off)).toBeLessThanOrEqual(1);
    await page.$eval('#variation-1 .rewrite', (e) => e.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: '/tmp/cowrite-selection.png' });
    expect(problems).toEqual([]);
  });

  it('has no axe-core violations with a selection shown', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('writes bars 5 to 8 again under a new seed and keeps every other bar note for note', async () => {
    const seedBefore = watched.completed[0]!.variations![0]!.seed;
    await page.click('#variation-1 .rewrite button.primary');
    await expect.poll(() => page.textContent('#variation-1-rewrite-status'), { timeout: 60_000 }).toMatch(/^Bars 5–8 written again/);
    await sheetReady(page);

    const post = watched.posts.at(-1)!;
    expect(post).toEqual({ regenerate: { generation: watched.completed[0]!.id, variation: 1, bars: '5-8' }, seed: expect.stringMatching(/^\d+$/) });
    expect(post.seed).not.toBe(seedBefore);
    await expect.poll(() => watched.completed.length).toBe(2);
    const rewrite = watched.completed.at(-1)!;
    const rewritten = await fileText(rewrite.variations![0]!.files.musicXml.url);
    const [before, after] = [measures(original), measures(rewritten)];
    expect(after).toHaveLength(16);
    const changed = after.map((m, i) => m !== before[i]);
    expect(changed.filter((c, i) => c && (i < 4 || i > 7))).toEqual([]);
    expect(changed.slice(4, 8)).toContain(true);
    expect(measures(rewritten, 'P2').filter((m, i) => m !== measures(original, 'P2')[i] && (i < 4 || i > 7))).toEqual([]);

    // On screen: the same slot shows the new take (its seed in the facts), the selection is kept, and the transport
    // saves the new file.
    expect(await page.textContent('#variation-1 h3')).toBe('Variation 1');
    expect(await page.textContent('#variation-1 .facts')).toContain(`Variation seed ${rewrite.variations![0]!.seed}`);
    expect((await selected(page)).bars).toBe('5-8');
    expect(await page.isDisabled('#variation-1 .rewrite button:not(.primary)')).toBe(false);
    expect(await downloaded(page)).toBe(rewritten);
    expect(problems).toEqual([]);
  });

  it('undoes the rewrite: the first take is back on screen and in the downloads', async () => {
    await page.click('text=Undo rewrite');
    await expect.poll(() => page.textContent('#variation-1-rewrite-status')).toMatch(/^Back to the take before/);
    await sheetReady(page);
    expect(await page.textContent('#variation-1 .facts')).toContain(`Variation seed ${watched.completed[0]!.variations![0]!.seed}`);
    expect(await downloaded(page)).toBe(original);
    expect(await page.isDisabled('text=Undo rewrite')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('takes the bars from the keyboard too, and says what is wrong with them', async () => {
    await page.fill('#variation-1-rewrite-from', '2');
    await page.fill('#variation-1-rewrite-to', '3');
    expect(await selected(page)).toMatchObject({ bars: '2-3', marks: 2 });
    await page.fill('#variation-1-rewrite-to', '1');
    await page.focus('#variation-1-rewrite-to');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Regenerate these bars
    expect(await page.textContent('#variation-1-rewrite-range-error')).toBe('The last bar comes at or after bar 2.');
    expect(await page.getAttribute('#variation-1-rewrite-to', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('variation-1-rewrite-to');
    const posts = watched.posts.length;
    await page.fill('#variation-1-rewrite-to', '17');
    await page.press('#variation-1-rewrite-to', 'Enter');
    expect(await page.textContent('#variation-1-rewrite-range-error')).toBe('The sheet has bars 1 to 16.');
    expect(watched.posts.length).toBe(posts);
  });

  it('rewrites a second variation under its own number, and the transport plays and saves the new take', async () => {
    await page.fill('#variations', '2');
    const done = watched.completed.length;
    await page.click('#generate');
    await expect.poll(() => watched.completed.length, { timeout: 60_000 }).toBe(done + 1);
    await page.waitForFunction(() => document.querySelectorAll('.score[data-state="ready"]').length === 2, undefined, { timeout: 90_000 });
    const source = watched.completed.at(-1)!;
    await page.selectOption('#transport-variation', '2');
    await page.fill('#variation-2-rewrite-from', '9');
    await page.fill('#variation-2-rewrite-to', '9');
    await page.click('#variation-2 .rewrite button.primary');
    await expect.poll(() => page.textContent('#variation-2-rewrite-status'), { timeout: 60_000 }).toMatch(/^Bar 9 written again/);
    await page.waitForFunction(() => document.querySelector('#variation-2 .score')?.getAttribute('data-state') === 'ready', undefined, { timeout: 90_000 });

    expect(watched.posts.at(-1)!.regenerate).toEqual({ generation: source.id, variation: 2, bars: '9' });
    await expect.poll(() => watched.completed.length).toBe(done + 2);
    const rewritten = await fileText(watched.completed.at(-1)!.variations![0]!.files.musicXml.url);
    const before = measures(await fileText(source.variations![1]!.files.musicXml.url));
    expect(measures(rewritten).map((m, i) => m === before[i]).filter((same) => !same).length).toBeLessThanOrEqual(1);
    expect(measures(rewritten).filter((m, i) => m !== before[i] && i !== 8)).toEqual([]);
    expect(await page.textContent('#variation-2 h3')).toBe('Variation 2');
    expect(await page.inputValue('#transport-variation')).toBe('2');
    expect(await downloaded(page)).toBe(rewritten);
    await page.selectOption('#transport-variation', '1');
    expect(await downloaded(page)).toBe(await fileText(source.variations![0]!.files.musicXml.url));
    expect(await page.isDisabled('#variation-1 .rewrite button:not(.primary)')).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('rewrites in the history', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let watched: ReturnType<typeof watch>;
  let rewritten: string;
  let rewrite: GenerationRequest;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    ({ page, problems } = await openPage(context, serve.url));
    watched = watch(page);
    await page.waitForFunction(() => document.querySelectorAll('#model option').length >= 2, undefined, { timeout: 30_000 });
  });

  afterAll(async () => {
    await context?.close();
  });

  const summaries = () => page.$$eval('#history-list .history-summary', (p) => p.map((e) => e.firstChild?.textContent ?? ''));
  const reload = async () => {
    await page.goto(serve.url);
    await page.waitForFunction(() => document.querySelectorAll('#model option').length >= 2, undefined, { timeout: 30_000 });
  };

  it('lists a rewrite of bars 5 to 8 as its own entry, after the generation it came from', async () => {
    await page.fill('#bars', '16');
    await page.fill('#variations', '2');
    await page.fill('#seed', '21');
    await page.click('#generate');
    await page.waitForFunction(() => document.querySelectorAll('.score[data-state="ready"]').length === 2, undefined, { timeout: 90_000 });
    await page.fill('#variation-2-rewrite-from', '5');
    await page.fill('#variation-2-rewrite-to', '8');
    await page.click('#variation-2 .rewrite button.primary');
    await expect.poll(() => page.textContent('#variation-2-rewrite-status'), { timeout: 60_000 }).toMatch(/^Bars 5–8 written again/);
    // The test reads each status after the page has: wait for the rewrite's to arrive here too.
    await expect.poll(() => watched.completed.length).toBe(2);
    rewrite = watched.posts.at(-1)!;
    expect(rewrite.regenerate).toEqual({ generation: watched.completed[0]!.id, variation: 2, bars: '5-8' });
    rewritten = await fileText(watched.completed.at(-1)!.variations![0]!.files.musicXml.url);

    expect(await summaries()).toEqual([
      `Bars 5–8 rewritten (variation 2 of C major, 4/4, 16 bars, transformer), seed ${rewrite.seed}`,
      'C major, 4/4, 16 bars, transformer — 2 sheets, seed 21',
    ]);
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), historyKey))!) as { kind: string; source?: object; bars?: object; seed: string }[];
    expect(stored[0]).toMatchObject({ kind: 'rewrite', source: { generation: rewrite.regenerate!.generation, variation: 2 }, bars: { first: 5, last: 8 }, seed: rewrite.seed });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reopened after a reload, sends the same request and shows the same MusicXML bytes', async () => {
    await reload();
    expect((await summaries())[0]).toMatch(/^Bars 5–8 rewritten \(variation 2 of /);
    const posts = watched.posts.length;
    await page.click('#history-list li:nth-child(1) .history-open');
    // Shown under the number it was rewritten as, though it is its own generation's variation 1.
    await page.waitForFunction(() => document.querySelector('#variation-2 .score')?.getAttribute('data-state') === 'ready', undefined, { timeout: 90_000 });
    expect(await page.$$eval('.variation h3', (h) => h.map((e) => e.textContent))).toEqual(['Variation 2']);
    expect(watched.posts.length).toBe(posts + 1);
    expect(watched.posts.at(-1)).toEqual(rewrite);
    expect(await downloaded(page)).toBe(rewritten);
    expect(await page.textContent('#results-settings')).toBe('Bars 5–8 rewritten (variation 2 of C major, 4/4, 16 bars, transformer): written again from the history.');
    // A rewrite has no share link, seed to reuse or other key: its settings are its source's.
    for (const part of ['#results-seed-line', '#use-seed', '#copy-link', '#other-key-field']) expect(await page.isVisible(part), part).toBe(false);
    expect(new URL(page.url()).search).toBe('');
    // Sent again, it moves to the top instead of showing twice; the sheet on screen can be rewritten in turn.
    expect(await summaries()).toHaveLength(2);
    expect((await summaries())[0]).toMatch(/^Bars 5–8 rewritten/);
    expect(await page.isVisible('#variation-2 .rewrite')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('rewrites the reopened take in turn, naming its own generation as the source', async () => {
    const done = watched.completed.length;
    const reopened = watched.completed.at(-1)!;
    await page.fill('#variation-2-rewrite-from', '1');
    await page.fill('#variation-2-rewrite-to', '2');
    await page.click('#variation-2 .rewrite button.primary');
    await expect.poll(() => page.textContent('#variation-2-rewrite-status'), { timeout: 60_000 }).toMatch(/^Bars 1–2 written again/);
    await expect.poll(() => watched.completed.length).toBe(done + 1);
    expect(watched.posts.at(-1)!.regenerate).toEqual({ generation: reopened.id, variation: 1, bars: '1-2' });
    expect((await summaries())[0]).toBe(`Bars 1–2 rewritten (variation 2 of C major, 4/4, 16 bars, transformer), seed ${watched.posts.at(-1)!.seed}`);
    expect(await summaries()).toHaveLength(3);
    expect(problems).toEqual([]);
  });

  it('says plainly when the source generation is gone from the server', async () => {
    // A source the server has never had stands for one whose retention is over.
    await page.evaluate((key) => {
      const list = JSON.parse(localStorage.getItem(key)!) as { kind: string; source: { generation: string } }[];
      list[0]!.source.generation = 'no-such-generation';
      localStorage.setItem(key, JSON.stringify(list));
    }, historyKey);
    await reload();
    await page.click('#history-list li:nth-child(1) .history-open');
    await expect.poll(() => page.textContent('#generate-error'), { timeout: 30_000 }).toMatch(/^This rewrite cannot be written again\. .*no-such-generation.* Its source sheet is no longer on the server/);
    expect(await page.textContent('#history-status')).toMatch(/^Bars 1–2 rewritten \(variation 2 of .*\): This rewrite cannot be written again\. .* no longer on the server/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('generate-error');
    // No setting of the form is marked: none of them could mend it.
    expect(await page.$$('#generation-form [aria-invalid="true"]')).toHaveLength(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(['console error: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});

describe('selecting bars on a phone', () => {
  it('hits the bars as drawn two to a line, and nothing scrolls sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      await page.goto(serve.url);
      await page.waitForFunction(() => document.querySelectorAll('#model option').length >= 2, undefined, { timeout: 30_000 });
      await page.fill('#seed', '8');
      await page.click('#generate');
      await sheetReady(page);
      await clickBar(page, 3);
      await clickBar(page, 6);
      expect(await selected(page)).toMatchObject({ from: '3', to: '6', bars: '3-6', marks: 4 });
      const marks = await page.$$eval('#variation-1 .bar-mark', (m) => m.map((e) => [(e as HTMLElement).offsetLeft, (e as HTMLElement).offsetTop]));
      const boxes = await page.$eval('#variation-1 .score', (b) => JSON.parse((b as HTMLElement).dataset.barBoxes ?? '[]') as number[][]);
      expect(Math.max(...marks.flatMap((mark, i) => mark.map((v, j) => Math.abs(v - boxes[2 + i]![j]!))))).toBeLessThanOrEqual(1);
      // Two bars to a line: bars 3 and 4 share one, 5 and 6 the next.
      expect(new Set(marks.map(([, top]) => top)).size).toBe(2);
      expect(await scrollsSideways(page)).toBe(false);
      await page.$eval('#variation-1 .rewrite', (e) => e.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: '/tmp/cowrite-phone.png' });
    } finally {
      await context.close();
    }
  });
});

describe('a primer in the web client', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let watched: ReturnType<typeof watch>;
  let primer: string;
  let primerFile: string;

  beforeAll(async () => {
    // An 8-bar sheet in A minor, written by the service itself, is the primer.
    const response = await fetch(`${serve.url}/api/generations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Prefer: 'wait=20' },
      body: JSON.stringify({ bars: 8, key: 'Am', seed: '3', layout: 'lead-sheet' }),
    });
    const status = (await response.json()) as GenerationStatusDocument;
    expect(status.status).toBe('completed');
    primer = await fileText(status.variations![0]!.files.musicXml.url);
    primerFile = join(files, 'opening.musicxml');
    writeFileSync(primerFile, primer);

    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ({ page, problems } = await openPage(context, serve.url));
    watched = watch(page);
    await page.waitForFunction(() => document.querySelectorAll('#model option').length >= 2, undefined, { timeout: 30_000 });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('continues an uploaded 8-bar primer to 16 bars, opening with its bars note for note', async () => {
    await page.setInputFiles('#primer', primerFile);
    await expect.poll(() => page.textContent('#primer-help')).toBe('opening.musicxml: 8 bars in A minor, 4/4. The sheet opens with them and goes on to the bar count above.');
    expect(await page.inputValue('#key')).toBe('Am');
    expect(await page.isVisible('#primer-clear')).toBe(true);
    await page.fill('#bars', '16');
    await page.click('#generate');
    await sheetReady(page);

    expect(watched.posts.at(-1)).toMatchObject({ primer, bars: 16, key: 'Am', timeSignature: '4/4' });
    await expect.poll(() => watched.completed.length).toBe(1);
    const sheet = await fileText(watched.completed.at(-1)!.variations![0]!.files.musicXml.url);
    const [opening, continued] = [measures(primer), measures(sheet)];
    expect(continued).toHaveLength(16);
    expect(continued.slice(0, 8)).toEqual(opening);
    expect(await page.$eval('#variation-1 .score', (b) => Number((b as HTMLElement).dataset.measures))).toBe(16);
    expect(problems).toEqual([]);
  });

  it("shows the server's refusal of a primer on the field", async () => {
    // A note an octave above anything the models write.
    const unwritable = primer.replace(/<octave>\d<\/octave>/, '<octave>9</octave>');
    const path = join(files, 'too-high.xml');
    writeFileSync(path, unwritable);
    await page.setInputFiles('#primer', path);
    await expect.poll(() => page.textContent('#primer-help')).toMatch(/^too-high\.xml: 8 bars/);
    await page.click('#generate');
    await expect.poll(() => page.isVisible('#primer-error'), { timeout: 30_000 }).toBe(true);
    expect(await page.textContent('#primer-error')).toMatch(/^The primer /);
    expect(await page.getAttribute('#primer', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#primer', 'aria-describedby')).toBe('primer-help primer-error');
    expect(await axeViolations(page)).toEqual([]);
    // The refusal's 400 is the browser's one console line about it.
    expect(problems).toEqual(['console error: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    problems.length = 0;
  });

  it('refuses a file that is no MusicXML before sending it, and Remove primer takes the primer out', async () => {
    const path = join(files, 'notes.xml');
    writeFileSync(path, '<notes>not a score</notes>');
    await page.setInputFiles('#primer', path);
    await expect.poll(() => page.textContent('#primer-help')).toBe('notes.xml was not taken: This file is not an uncompressed MusicXML score (no <score-partwise>).');
    expect(await page.isVisible('#primer-clear')).toBe(false);

    await page.setInputFiles('#primer', primerFile);
    await expect.poll(() => page.isVisible('#primer-clear')).toBe(true);
    await page.click('#primer-clear');
    expect(await page.evaluate(() => (document.getElementById('primer') as HTMLInputElement).files?.length)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('primer');
    const [posts, done] = [watched.posts.length, watched.completed.length];
    await page.click('#generate');
    await expect.poll(() => watched.completed.length, { timeout: 60_000 }).toBe(done + 1);
    await sheetReady(page);
    expect(watched.posts.length).toBe(posts + 1);
    expect(watched.posts.at(-1)).not.toHaveProperty('primer');
    expect(await page.isVisible('#primer-error')).toBe(false);
    expect(problems).toEqual([]);
  });
});

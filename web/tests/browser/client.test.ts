// The web client in Chromium against `sithsynth serve`: form → generation → engraved sheet, playback with a moving
// cursor, downloads, server field errors, accessibility (axe-core) and a phone-sized screen.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationStatusDocument } from '../../src/contract';
import { axeViolations, launchChromium, openPage, repoRoot, scrollsSideways, startServe, type Serve } from './harness';

const updateScreenshots = process.env.UPDATE_SCREENSHOTS === '1';
const screenshots = join(repoRoot, 'docs', 'screenshots');

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

/** Collects the scripts the page loads and the last completed status document it received. */
function watch(page: Page) {
  const scripts: string[] = [];
  let completed: GenerationStatusDocument | undefined;
  let posts = 0;
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    if (request.method() === 'POST') posts++;
  });
  page.on('response', async (response) => {
    if (/\/api\/generations\/[^/]+$/.test(new URL(response.url()).pathname) && response.request().method() === 'GET') {
      const body = (await response.json().catch(() => undefined)) as GenerationStatusDocument | undefined;
      if (body?.status === 'completed') completed = body;
    }
  });
  return { scripts, completed: () => completed, posts: () => posts };
}

async function modelsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('#model option').length >= 2, undefined, { timeout: 30_000 });
}

async function waitForSheets(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.score[data-state="ready"]').length === n || document.querySelector('.score[data-state="error"], #alert:not(:empty)') !== null,
    count,
    { timeout: 90_000 },
  );
  const failure = await page.evaluate(() => document.querySelector('.score[data-state="error"], #alert:not(:empty)')?.textContent ?? null);
  expect(failure).toBeNull();
}

interface BeamGroup {
  measure: number;
  onsets: number[];
}

/** The melody's beamed groups as OSMD engraved them (Score.beamGroups, recorded on the sheet's element). */
async function beamGroups(page: Page, sheet: string): Promise<BeamGroup[]> {
  return page.$eval(sheet, (b) => JSON.parse((b as HTMLElement).dataset.beamGroups ?? '[]') as { measure: number; onsets: number[] }[]);
}

/** The groups whose notes do not all fall in one beat of `beat` whole notes. */
function acrossBeats(groups: BeamGroup[], beat: number): BeamGroup[] {
  return groups.filter((g) => new Set(g.onsets.map((o) => Math.floor(o / beat + 1e-9))).size !== 1);
}

describe('the web client', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let watched: ReturnType<typeof watch>;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const opened = await context.newPage();
    watched = watch(opened);
    await opened.goto(serve.url);
    page = opened;
    problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await modelsLoaded(page);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('has no axe-core violations on the initial page', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps OSMD and Tone.js out of the first chunk and fetches them while the form is being filled', async () => {
    // The page's own script comes first and alone; the heavy chunks follow without a generation being asked for.
    expect(watched.scripts[0]).toMatch(/\/assets\/index-[\w-]+\.js$/);
    await page.focus('#bars');
    await expect.poll(() => watched.scripts.filter((s) => /opensheetmusicdisplay|esm-|Midi-/.test(s)).length).toBe(3);
    expect(watched.posts()).toBe(0);
  });

  it('draws the valence curve with the keyboard alone', async () => {
    await page.fill('#bars', '10');
    await page.focus('input[name="valenceMode"][value="single"]');
    await page.keyboard.press('ArrowRight'); // radio group: selects "A curve, bar by bar"
    await expect.poll(() => page.isVisible('#valence-curve-panel')).toBe(true);
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => ({
      label: document.activeElement?.getAttribute('aria-label'),
      value: document.activeElement?.getAttribute('aria-valuenow'),
      role: document.activeElement?.getAttribute('role'),
    }));
    expect(await focused()).toEqual({ label: 'Bar 1', value: '0', role: 'slider' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused()).value).toBe('-2');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ label: 'Bar 2', value: '-1', role: 'slider' });
    for (let bar = 3; bar <= 10; bar++) {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press(bar <= 6 ? 'ArrowUp' : 'End');
    }
    const curve = await page.$$eval('#valence-curve [role="slider"]', (sliders) => sliders.map((s) => Number(s.getAttribute('aria-valuenow'))));
    expect(curve).toEqual([-2, -1, 1, 1, 1, 1, 2, 2, 2, 2]);
    // One tab stop: Tab leaves the curve for the next control.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('densityMode');
  });

  it('generates from the form and engraves every requested measure with chord symbols', async () => {
    await page.selectOption('#model', 'transformer');
    await page.selectOption('#key', 'Eb');
    await page.selectOption('#timeSignature', '3/4');
    await page.fill('#tempo', '132');
    await page.fill('#temperature', '0.9');
    await page.fill('#topP', '0.95');
    await page.selectOption('#density', 'high');
    await page.fill('#seed', '20260101');
    await page.fill('#variations', '2');
    await page.click('#generate');

    await expect.poll(() => page.textContent('#progress-text'), { timeout: 10_000 }).not.toBe('');
    await waitForSheets(page, 2);

    const sheets = await page.$$eval('.score', (boxes) => boxes.map((b) => ({ measures: Number((b as HTMLElement).dataset.measures), chords: Number((b as HTMLElement).dataset.chordSymbols), staves: Number((b as HTMLElement).dataset.staves), svg: b.querySelectorAll('svg').length })));
    expect(sheets).toHaveLength(2);
    for (const sheet of sheets) {
      expect(sheet.measures).toBe(10);
      expect(sheet.chords).toBeGreaterThan(0);
      expect(sheet.staves).toBe(2); // the default piano layout: melody and chord staves
      expect(sheet.svg).toBeGreaterThan(0);
    }
    // E♭ major: its chord symbols print ♭ (E♭, B♭), never an ASCII b or #.
    const labels = await page.$$eval('#variation-1 .score svg text', (texts) => texts.map((t) => t.textContent ?? ''));
    expect(labels.filter((l) => /^[A-G][b#]/.test(l))).toEqual([]);
    expect(labels.some((l) => /^[A-G]♭/.test(l))).toBe(true);
    expect(await page.textContent('#progress-text')).toBe('Done: 2 sheets.');
    expect(await page.textContent('#results-seed')).toBe('20260101');

    // The sheet was asked for with these settings: the status document echoes the seed.
    expect(watched.completed()?.seed).toBe('20260101');
    expect(watched.scripts.some((s) => s.includes('opensheetmusicdisplay'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('plays a variation with the cursor following the music, and stops', async () => {
    const cursor = () => page.evaluate(() => {
      const box = document.querySelector('#variation-1 .score') as HTMLElement;
      const image = box.querySelector('img[id^="cursorImg"]') as HTMLImageElement | null;
      return { step: Number(box.dataset.cursorStep ?? -1), left: image?.style.left ?? '', top: image?.style.top ?? '', visible: image ? image.style.display !== 'none' : false };
    });
    await page.click('#play');
    await expect.poll(() => page.getAttribute('#transport', 'data-playing')).toBe('true');
    const start = await cursor();
    expect(start.visible).toBe(true);
    await expect.poll(async () => (await cursor()).step, { timeout: 10_000 }).toBeGreaterThan(start.step + 2);
    const later = await cursor();
    expect(`${later.left},${later.top}`).not.toBe(`${start.left},${start.top}`);
    expect(await page.textContent('#play')).toBe('Stop');
    expect(await page.textContent('#position')).toMatch(/^Bar \d+ of 10$/);

    await page.click('#play');
    await expect.poll(() => page.getAttribute('#transport', 'data-playing')).toBe('false');
    expect(problems).toEqual([]);
  });

  it('downloads the MIDI and MusicXML files under their link names', async () => {
    const status = watched.completed()!;
    const files = status.variations![0]!.files;

    const [midi] = await Promise.all([page.waitForEvent('download'), page.click('#download-midi')]);
    expect(midi.suggestedFilename()).toBe(files.midi.fileName);
    const midiBytes = readFileSync((await midi.path())!);
    expect(midiBytes.subarray(0, 4).toString('latin1')).toBe('MThd');

    const [xml] = await Promise.all([page.waitForEvent('download'), page.click('#download-musicxml')]);
    expect(xml.suggestedFilename()).toBe(files.musicXml.fileName);
    const text = readFileSync((await xml.path())!, 'utf8');
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        measures: doc.querySelectorAll('part:first-of-type > measure').length,
        harmonies: doc.querySelectorAll('harmony').length,
        beamGroups: [...doc.querySelectorAll('beam[number="1"]')].filter((b) => b.textContent?.trim() === 'begin').length,
      };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('score-partwise');
    expect(parsed.measures).toBe(10);
    // Every chord symbol in the file is engraved.
    const engraved = await page.$eval('#variation-1 .score', (b) => Number((b as HTMLElement).dataset.chordSymbols));
    expect(engraved).toBe(parsed.harmonies);
    // Every beamed group the file writes is drawn as one VexFlow beam, and a sheet of high density has some.
    const beams = await page.$$eval('#variation-1 .score svg g.vf-beam', (groups) => groups.length);
    expect(parsed.beamGroups).toBeGreaterThan(0);
    expect(beams).toBe(parsed.beamGroups);
  });

  it('beams the 3/4 sheet in quarter-beat groups, each group one VexFlow beam', async () => {
    const groups = await beamGroups(page, '#variation-1 .score');
    expect(groups.length).toBeGreaterThan(0);
    expect(acrossBeats(groups, 1 / 4)).toEqual([]);
    expect(await page.$$eval('#variation-1 .score svg g.vf-beam', (g) => g.length)).toBe(groups.length);
  });

  it('keeps the tempo mark clear of every chord symbol and other text', async () => {
    const overlaps = await page.$eval('#variation-1 .score', (box) => {
      const tempo = box.querySelector('svg g.vf-stavetempo');
      if (!tempo) return ['no tempo mark drawn'];
      const mark = tempo.getBoundingClientRect();
      const hits: string[] = [];
      // Lifted, it must still be inside the drawing rather than cut off at its top.
      if (mark.top < box.querySelector('svg')!.getBoundingClientRect().top) hits.push('tempo mark above the sheet');
      for (const label of box.querySelectorAll('svg text')) {
        if (tempo.contains(label)) continue;
        const r = label.getBoundingClientRect();
        if (r.left < mark.right && mark.left < r.right && r.top < mark.bottom && mark.top < r.bottom) hits.push(label.textContent ?? '');
      }
      return hits;
    });
    expect(overlaps).toEqual([]);
  });

  it('has no axe-core violations with results on the page', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it.runIf(updateScreenshots)('writes the desktop screenshot', async () => {
    mkdirSync(screenshots, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    // Down to the end of the first sheet: below the transport and "Rewrite bars", a window's height shows only the
    // sheet's first line, so the shot is the page from its top to there.
    const end = await page.$eval('#variation-1 .score', (b) => Math.ceil(b.getBoundingClientRect().bottom + window.scrollY));
    await page.screenshot({ path: join(screenshots, 'desktop.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.min(end + 16, 1800) } });
  });

  it.each([
    ['6/8', 'Dm', '11'],
    ['12/8', 'Bb', '12'],
  ])('beams %s eighths in dotted-quarter groups of three, never across the beat', async (meter, key, seed) => {
    await page.selectOption('#model', 'transformer');
    await page.selectOption('#timeSignature', meter);
    await page.selectOption('#key', key);
    await page.selectOption('#density', 'high');
    await page.fill('#bars', '8');
    await page.fill('#variations', '1');
    await page.fill('#seed', seed);
    await page.click('#generate');
    await expect.poll(() => page.textContent('#results-seed'), { timeout: 90_000 }).toBe(seed);
    await waitForSheets(page, 1);

    const groups = await beamGroups(page, '#variation-1 .score');
    const dottedQuarter = 3 / 8;
    expect(acrossBeats(groups, dottedQuarter)).toEqual([]);
    // Eighths filling a beat are one group of three from the beat, as 6/8 and 12/8 are read (3/4 would pair them).
    const eighth = 1 / 8;
    const threes = groups.filter((g) => g.onsets.length === 3 && g.onsets.every((o, i) => Math.abs(o - (g.onsets[0]! + i * eighth)) < 1e-9) && Math.abs(g.onsets[0]! % dottedQuarter) < 1e-9);
    expect(threes.length).toBeGreaterThan(0);
    expect(await page.$$eval('#variation-1 .score svg g.vf-beam', (g) => g.length)).toBe(groups.length);
    expect(problems).toEqual([]);
  });

  it('shows the server field errors next to the fields, bypassing the browser checks', async () => {
    await page.goto(serve.url); // the address holds the last sheet's settings (a share link); start from none
    await modelsLoaded(page);
    // What a script or an old page could send: out of range for the model, and a valence outside -2..2.
    await page.evaluate(() => {
      for (const id of ['bars', 'valence']) {
        const input = document.getElementById(id) as HTMLInputElement;
        input.removeAttribute('min');
        input.removeAttribute('max');
      }
    });
    await page.fill('#bars', '99');
    await page.fill('#valence', '3');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/generations') && r.request().method() === 'POST'),
      page.click('#generate'),
    ]);
    expect(response.status()).toBe(400);
    const problem = await response.json();

    await expect.poll(() => page.isVisible('#bars-error')).toBe(true);
    expect(await page.textContent('#bars-error')).toBe(problem.errors.bars.join(' '));
    expect(await page.textContent('#bars-error')).toContain('between 8 and 40');
    expect(await page.getAttribute('#bars', 'aria-invalid')).toBe('true');
    expect((await page.getAttribute('#bars', 'aria-describedby'))?.split(' ')).toContain('bars-error');
    expect(await page.textContent('#valence-error')).toBe(problem.errors.valence.join(' '));
    expect(await page.getAttribute('#valence', 'aria-invalid')).toBe('true');
    // Field errors are not repeated in the alert, and focus goes to the first field to fix.
    expect(await page.textContent('#alert')).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bars');
    expect(await axeViolations(page)).toEqual([]);

    // Fixing the field and sending again clears its error.
    await page.fill('#bars', '8');
    await page.fill('#valence', '1');
    await page.click('#generate');
    await expect.poll(() => page.isVisible('#bars-error')).toBe(false);
    expect(await page.getAttribute('#bars', 'aria-invalid')).toBeNull();
    await waitForSheets(page, 1);
  });

  it('follows a typed progression, and shows a chord the model cannot write under the field', async () => {
    await page.goto(serve.url);
    await modelsLoaded(page);
    await page.fill('#bars', '8');
    await page.fill('#variations', '1');
    await page.fill('#chords', 'C | Am | Fsus4 G7 | C');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/generations') && r.request().method() === 'POST'),
      page.click('#generate'),
    ]);
    expect(refused.status()).toBe(400);
    await expect.poll(() => page.isVisible('#chords-error')).toBe(true);
    expect(await page.textContent('#chords-error')).toBe("Model 'transformer' cannot write 'Fsus4' (bar 3, beat 1); the nearest chord it writes is F.");
    expect(await page.getAttribute('#chords', 'aria-invalid')).toBe('true');
    expect((await page.getAttribute('#chords', 'aria-describedby'))?.split(' ')).toContain('chords-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('chords');
    expect(await axeViolations(page)).toEqual([]);
    // For a person to look at, beside the JUnit reports: the field with its message.
    await (await page.$('#chords'))!.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(repoRoot, 'TestResults', 'chords-field.png') });

    await page.fill('#chords', 'C | Am | F G7 | C');
    await page.fill('#seed', '16');
    await page.click('#generate');
    await expect.poll(() => page.textContent('#results-seed'), { timeout: 90_000 }).toBe('16');
    await waitForSheets(page, 1);
    expect(await page.isVisible('#chords-error')).toBe(false);
    const report = watched.completed()!.variations![0]!.files.report.url;
    const followed = await page.evaluate(async (url) => (await (await fetch(url)).json()).progression, report);
    expect(followed.followed).toBe(true);
    expect(followed.bars.slice(0, 4).map((b: { written: string }) => b.written)).toEqual(['C', 'Am', 'F G7', 'C']);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('stops the browser from sending what it can tell is wrong, in the same places', async () => {
    await page.goto(serve.url);
    await modelsLoaded(page);
    let posted = false;
    page.on('request', (r) => {
      if (r.method() === 'POST') posted = true;
    });
    await page.fill('#tempo', '500');
    await page.click('#generate');
    await expect.poll(() => page.isVisible('#tempo-error')).toBe(true);
    expect(await page.getAttribute('#tempo', 'aria-invalid')).toBe('true');
    expect(posted).toBe(false);
  });

  it('cancels a running generation: the page says so and the server has it canceled', async () => {
    await page.goto(serve.url);
    await modelsLoaded(page);
    // The page scrolls smoothly to the progress on Generate; a click sent mid-scroll lands where the button was.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // The tests before this one answered 400s on purpose; only what happens from here counts.
    problems.length = 0;
    // Long enough to be still running when Cancel is pressed: 8 variations of 40 bars.
    await page.selectOption('#model', 'transformer');
    await page.fill('#bars', '40');
    await page.fill('#variations', '8');
    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/generations') && r.request().method() === 'POST'),
      page.click('#generate'),
    ]);
    expect(posted.status()).toBe(202);
    const statusUrl = posted.headers()['location']!;

    await expect.poll(() => page.isVisible('#cancel')).toBe(true);
    const [deleted] = await Promise.all([
      page.waitForResponse((r) => r.url() === statusUrl && r.request().method() === 'DELETE'),
      page.click('#cancel'),
    ]);
    expect(deleted.status()).toBe(202);
    await expect.poll(() => page.textContent('#progress-text')).toBe('Canceled.');
    expect(await page.isVisible('#cancel')).toBe(false);
    expect(await page.textContent('#alert')).toBe('');

    // The server agrees: the orchestration was terminated, and no sheet was drawn.
    await expect.poll(async () => ((await (await fetch(statusUrl)).json()) as GenerationStatusDocument).status, { timeout: 30_000 }).toBe('canceled');
    expect(await page.$$('.score')).toHaveLength(0);
    expect(problems).toEqual([]);
  });
});

describe('on a phone-sized screen', () => {
  it('renders without sideways scrolling, before and after a result', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      const { page, problems } = await openPage(context, serve.url);
      await modelsLoaded(page);
      expect(await scrollsSideways(page)).toBe(false);

      await page.fill('#bars', '8');
      await page.fill('#seed', '7');
      // The one-staff lead sheet is what fits a phone; the request carries it and the sheet has one staff.
      await page.selectOption('#layout', 'lead-sheet');
      const [posted] = await Promise.all([
        page.waitForRequest((r) => r.url().endsWith('/api/generations') && r.method() === 'POST'),
        page.tap('#generate'),
      ]);
      expect(posted.postDataJSON().layout).toBe('lead-sheet');
      await waitForSheets(page, 1);
      expect(await page.$eval('.score', (b) => Number((b as HTMLElement).dataset.measures))).toBe(8);
      expect(await page.$eval('.score', (b) => Number((b as HTMLElement).dataset.staves))).toBe(1);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);

      if (updateScreenshots) {
        mkdirSync(screenshots, { recursive: true });
        // The variation just below the transport, which stays at the top of the window, so the shot holds the whole
        // sheet: from the top of the results, the summary and "Rewrite bars" leave room for its first line only.
        await page.evaluate(() => {
          const score = document.getElementById('variation-1')!;
          const transport = document.getElementById('transport')!;
          window.scrollBy(0, score.getBoundingClientRect().top - transport.offsetHeight - 8);
        });
        await expect.poll(() => page.$eval('#transport', (t) => Math.round(t.getBoundingClientRect().top))).toBe(0);
        await page.screenshot({ path: join(screenshots, 'phone.png') });
      }
    } finally {
      await context.close();
    }
  });
});

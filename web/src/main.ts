// Wires the page: the form and its curves, the generation lifecycle (state.ts) and the results. Rendering reads the
// current GenerationView and nothing else, so every change goes through reduce().
import './styles.css';
import { acceptsMessage, constraintsOf } from './accepts';
import { ApiClient, ApiError } from './api';
import { apiBase } from './config';
import type { GenerationRequest, Layout, ModelDocument } from './contract';
import { remember, valenceRange } from './curve';
import { CurveView } from './curveView';
import {
  densities,
  densityLevel,
  densityRange,
  fromRequest,
  initialValues,
  layouts,
  limitsOf,
  modelHelpText,
  majorKeys,
  minorKeys,
  routeErrors,
  suggestedForms,
  toRequest,
  withBars,
  type DrawnCurves,
  type FormValues,
  type Mode,
} from './form';
import { loadPlayer } from './player';
import { RecentSheets } from './recentSheets';
import { PrimerField } from './primerView';
import { generationIdOf, regenerateRequest, unwritableRewrite } from './rewrite';
import type { RewriteEntry } from './history';
import { offerRewrite } from './rewriteView';
import { loadOsmd } from './scoreView';
import { initialView, isBusy, problemSentence, progressText, reduce, type GenerationEvent, type GenerationView } from './state';
import { Transport } from './transportView';
import { renderVariation, type ShownVariation } from './variationView';

const api = new ApiClient({ baseUrl: apiBase() });

const $ = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from index.html`);
  return found as T;
};

const form = $<HTMLFormElement>('generation-form');
const modelSelect = $<HTMLSelectElement>('model');
const modelHelp = $<HTMLParagraphElement>('model-help');
const keySelect = $<HTMLSelectElement>('key');
const meterSelect = $<HTMLSelectElement>('timeSignature');
const barsInput = $<HTMLInputElement>('bars');
const barsHelp = $<HTMLParagraphElement>('bars-help');
const generateButton = $<HTMLButtonElement>('generate');
const cancelButton = $<HTMLButtonElement>('cancel');
const alertBox = $<HTMLDivElement>('alert');
const progressPanel = $<HTMLElement>('progress-panel');
const progressBar = $<HTMLProgressElement>('progress');
const progressLine = $<HTMLParagraphElement>('progress-text');
const resultsEmpty = $<HTMLParagraphElement>('results-empty');
const variationsBox = $<HTMLDivElement>('variation-list');
const resultsSummary = $<HTMLDivElement>('results-summary');
const resultsSeed = $<HTMLElement>('results-seed');
const resultsPanel = $<HTMLElement>('results');
const generateError = $<HTMLParagraphElement>('generate-error');
const transport = new Transport({
  bar: $('transport'),
  variation: $('transport-variation'),
  variationField: $('transport-variation-field'),
  play: $('play'),
  position: $('position'),
  midi: $('download-midi'),
  musicXml: $('download-musicxml'),
  message: $('transport-message'),
  tempo: $('playback-tempo'),
  writtenTempo: $('written-tempo'),
  loopMode: $('loop-mode'),
  loopBars: $('loop-bars'),
  loopFrom: $('loop-from'),
  loopTo: $('loop-to'),
  countIn: $('count-in'),
  melodyVolume: $('melody-volume'),
  melodyMute: $('melody-mute'),
  chordsVolume: $('chords-volume'),
  chordsMute: $('chords-mute'),
});

let models: ModelDocument[] = [];
let values: FormValues = initialValues();
let view: GenerationView = initialView;
let poll: AbortController | undefined;
/** The cancel request in flight, if any; the next generation waits for it (the server answers once it has stopped). */
let cancelling: Promise<void> | undefined;
let shownVariations: GenerationView['variations'] | undefined;
/** The history's rewrite sent again, while it runs and once shown; undefined for a generation from the form. */
let reopening: RewriteEntry | undefined;
let drawn: DrawnCurves = { valence: values.valenceCurve, density: values.densityCurve };

const valenceCurve = new CurveView($('valence-curve'), {
  labelledBy: 'valence-curve-label',
  describedBy: 'valence-curve-help',
  range: valenceRange,
  baseline: 0,
  valueText: (v) => (v > 0 ? `+${v}` : String(v)),
  scale: ['+2', '0', '−2'],
  onChange: (curve) => {
    values = { ...values, valenceCurve: curve };
    drawn = { ...drawn, valence: remember(drawn.valence, curve) };
  },
});
const densityCurve = new CurveView($('density-curve'), {
  labelledBy: 'density-curve-label',
  describedBy: 'density-curve-help',
  range: densityRange,
  baseline: densityRange.min,
  valueText: (v) => ['low', 'medium', 'high'][v] ?? String(v),
  scale: ['high', 'med', 'low'],
  onChange: (curve) => {
    values = { ...values, densityCurve: curve };
    drawn = { ...drawn, density: remember(drawn.density, curve) };
  },
});

// ---- form ------------------------------------------------------------------------------------------------------

function fillStaticOptions(): void {
  const group = (label: string, keys: readonly string[], name: (k: string) => string) => {
    const optgroup = document.createElement('optgroup');
    optgroup.label = label;
    optgroup.append(...keys.map((k) => new Option(name(k), k)));
    return optgroup;
  };
  const spell = (k: string) => k.replace('#', '♯').replace(/b(?=m?$)/, '♭');
  $<HTMLDataListElement>('form-suggestions').append(...suggestedForms.map((f) => new Option(f, f)));
  keySelect.append(group('Major', majorKeys, (k) => `${spell(k)} major`), group('Minor', minorKeys, (k) => `${spell(k.slice(0, -1))} minor`));
}

/** Puts values into the inputs (the curves included). */
function showValues(next: FormValues): void {
  values = next;
  modelSelect.value = next.model;
  keySelect.value = next.key;
  applyModelLimits();
  meterSelect.value = next.timeSignature;
  for (const name of ['bars', 'form', 'chords', 'tempo', 'temperature', 'topP', 'valence', 'seed', 'variations'] as const) {
    $<HTMLInputElement>(name).value = next[name];
  }
  $<HTMLSelectElement>('density').value = next.density;
  $<HTMLSelectElement>('layout').value = next.layout;
  setMode('valence', next.valenceMode);
  setMode('density', next.densityMode);
  valenceCurve.set(next.valenceCurve);
  densityCurve.set(next.densityCurve);
  drawn = { valence: next.valenceCurve, density: next.densityCurve };
}

/** Reads the inputs into values; the curves are kept up to date by their own events. */
function readValues(): FormValues {
  const text = (id: string) => $<HTMLInputElement>(id).value;
  const mode = (name: string) => (form.elements.namedItem(name) as RadioNodeList).value as Mode;
  return {
    ...values,
    model: modelSelect.value,
    key: keySelect.value,
    timeSignature: meterSelect.value,
    bars: text('bars'),
    form: text('form'),
    chords: text('chords'),
    tempo: text('tempo'),
    temperature: text('temperature'),
    topP: text('topP'),
    valenceMode: mode('valenceMode'),
    valence: text('valence'),
    densityMode: mode('densityMode'),
    density: densities[densityLevel(text('density'))]!,
    seed: text('seed'),
    variations: text('variations'),
    layout: layouts[Math.max(0, layouts.indexOf(text('layout') as Layout))]!,
  };
}

function setMode(field: 'valence' | 'density', mode: Mode): void {
  (form.elements.namedItem(`${field}Mode`) as RadioNodeList).value = mode;
  $(`${field}-single`).hidden = mode !== 'single';
  $(`${field}-curve-panel`).hidden = mode !== 'curve';
}

/** The chosen model decides the bar range and the meters on offer. */
function applyModelLimits(): void {
  const model = models.find((m) => m.name === modelSelect.value);
  const limits = limitsOf(model);
  barsInput.min = String(limits.minBars);
  barsInput.max = String(limits.maxBars);
  barsHelp.textContent = `${limits.minBars} to ${limits.maxBars}`;
  const current = meterSelect.value || values.timeSignature;
  meterSelect.replaceChildren(...limits.timeSignatures.map((t) => new Option(t, t)));
  meterSelect.value = limits.timeSignatures.includes(current) ? current : (limits.timeSignatures[0] ?? '');
  if (model) modelHelp.textContent = modelHelpText(model);
}

async function loadModels(): Promise<void> {
  try {
    models = await api.models();
    if (models.length === 0) {
      modelHelp.textContent = 'The service offers no models right now.';
      return;
    }
    // A shared link's model is not an option until now.
    const chosen = modelSelect.value || values.model;
    modelSelect.replaceChildren(...models.map((m) => new Option(m.architecture === m.name ? m.name : `${m.name} (${m.architecture})`, m.name)));
    modelSelect.value = models.some((m) => m.name === chosen) ? chosen : models[0]!.name;
    applyModelLimits();
  } catch (error) {
    // The form still works with the defaults; the server checks every field anyway.
    modelHelp.textContent = 'The list of models could not be loaded; the default model is used.';
    showAlert(error instanceof ApiError ? error.message : 'The service could not be reached.');
  }
}

// ---- errors ----------------------------------------------------------------------------------------------------

const errorControls = ['model', 'key', 'timeSignature', 'bars', 'form', 'chords', 'tempo', 'valence', 'valence-curve', 'density', 'density-curve', 'temperature', 'topP', 'seed', 'variations', 'layout', 'primer'];

/** Shows each field's errors under its control (aria-invalid, aria-describedby) and the rest in the alert. */
function showFieldErrors(errors: Record<string, string[]>): string[] {
  const { byControl, unplaced } = routeErrors(errors, values);
  for (const control of errorControls) {
    const messages = byControl.get(control);
    const errorBox = $(`${control}-error`);
    errorBox.hidden = !messages;
    errorBox.textContent = messages?.join(' ') ?? '';
    const errorId = messages ? errorBox.id : undefined;
    if (control.endsWith('-curve')) {
      (control === 'valence-curve' ? valenceCurve : densityCurve).setError(errorId);
      continue;
    }
    const input = $(control);
    const help = document.getElementById(`${control}-help`) ? `${control}-help` : undefined;
    const describedBy = [help, errorId].filter(Boolean).join(' ');
    if (describedBy) input.setAttribute('aria-describedby', describedBy);
    else input.removeAttribute('aria-describedby');
    if (messages) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  return unplaced;
}

function showAlert(message: string | undefined, list: string[] = []): void {
  alertBox.replaceChildren();
  if (!message && list.length === 0) return;
  alertBox.append(message ?? 'Some settings were not accepted:');
  if (list.length > 0) {
    const ul = document.createElement('ul');
    ul.append(...list.map((item) => Object.assign(document.createElement('li'), { textContent: item })));
    alertBox.append(ul);
  }
}

function focusFirstInvalid(): void {
  const first = errorControls.find((c) => !$(`${c}-error`).hidden);
  if (first === 'valence-curve') valenceCurve.focus();
  else if (first === 'density-curve') densityCurve.focus();
  else if (first) $(first).focus();
}

/** The browser's own range and format checks, reported in the same places as the server's, in the page's words. */
function clientErrors(): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const input of form.querySelectorAll<HTMLInputElement>('input[id]')) {
    const visible = !input.closest('[hidden]');
    if (visible && input.willValidate && !input.validity.valid) {
      errors[input.id] = [acceptsMessage(constraintsOf(input))];
    }
  }
  return errors;
}

// ---- lifecycle -------------------------------------------------------------------------------------------------

function dispatch(event: GenerationEvent): void {
  const before = view;
  view = reduce(view, event);
  render();
  lead(before, view);
}

const reducedMotion = (): boolean => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** Moves focus to what just appeared and scrolls it into view, so nothing happens where the eye is not. */
function reveal(target: HTMLElement, block: ScrollLogicalPosition): void {
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block, behavior: reducedMotion() ? 'auto' : 'smooth' });
}

/** Where the eye goes after an event: progress when work starts, the error beside Generate when it fails. */
function lead(before: GenerationView, after: GenerationView): void {
  if (after.phase === 'submitting' && before.phase !== 'submitting') reveal(progressPanel, 'nearest');
  else if (after.error && after.error !== before.error) reveal(generateError, 'center');
}

function render(): void {
  const busy = isBusy(view);
  generateButton.disabled = busy;
  generateButton.textContent = busy ? 'Generating…' : 'Generate';
  cancelButton.hidden = view.phase !== 'waiting';
  form.setAttribute('aria-busy', String(busy));

  progressPanel.hidden = view.phase === 'idle';
  progressBar.value = view.progress;
  progressBar.setAttribute('aria-valuetext', progressText(view));
  progressLine.textContent = progressText(view);

  const unplaced = showFieldErrors(view.fieldErrors);
  showAlert(view.error, unplaced);
  showBesideGenerate(view.error, Object.keys(view.fieldErrors).length);

  if (view.phase === 'completed' && shownVariations !== view.variations) {
    showResults();
  }
}

/** The failure, or how many fields to fix, next to the button that was pressed (the alert may be out of view). */
function showBesideGenerate(error: string | undefined, invalidFields: number): void {
  const text = error ?? (invalidFields === 0 ? '' : `Not generated: ${invalidFields === 1 ? 'one setting needs' : `${invalidFields} settings need`} a change, marked above.`);
  generateError.textContent = text;
  generateError.hidden = text === '';
  if (text) generateButton.setAttribute('aria-describedby', generateError.id);
  else generateButton.removeAttribute('aria-describedby');
}

function showResults(): void {
  shownVariations = view.variations;
  // Prefetched while the form was filled; if that has not happened yet, now in parallel with the files.
  prefetchHeavyParts();
  resultsEmpty.hidden = view.variations.length > 0;
  resultsEmpty.textContent = 'The generation finished without sheets.';
  resultsSummary.hidden = !view.seed;
  resultsSeed.textContent = view.seed ?? '';
  // A rewrite sent again is its regenerate generation's variation 1: shown under the number it had when rewritten.
  const shownAs = reopening?.sheet.variation;
  const shown = view.variations.map((v) => renderVariation(shownAs ? { ...v, variation: shownAs } : v, { api, score: { coveredTop: () => transport.coveredTop() } }));
  variationsBox.replaceChildren(...shown.map((v) => v.article));
  transport.show(shown);
  recentSheets.finished(view.seed, view.variations);
  offerRewrites(shown);
  reveal(resultsPanel, 'start');
  // The page grows once the first sheet is drawn, so the panel could not reach the top yet; it can now, unless the
  // user has gone elsewhere meanwhile.
  void shown[0]?.score.then(() => {
    if (resultsPanel.contains(document.activeElement)) resultsPanel.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }, () => undefined);
}

/** "Rewrite bars" on each sheet of the generation just shown; a new take replaces its variation in the transport too. */
function offerRewrites(shown: ShownVariation[]): void {
  const generation = view.statusUrl && generationIdOf(view.statusUrl);
  if (!generation) return;
  const context = { api, score: { coveredTop: () => transport.coveredTop() } };
  for (const [i, v] of shown.entries()) {
    // The source is the variation's number in its own generation, whatever number the page shows it under.
    offerRewrite(v, { generation, variation: view.variations[i]!.variation }, {
      context,
      onTake: (take) => transport.replace(take),
      onRewrite: (rewrite) => recentSheets.rewritten(rewrite),
    });
  }
}

/** Puts the last generation's seed into the form, to write it again with changed settings. */
function useSeed(): void {
  const seedInput = $<HTMLInputElement>('seed');
  seedInput.value = view.seed ?? '';
  seedInput.focus();
}

async function generate(): Promise<void> {
  values = readValues();
  const local = clientErrors();
  const mapped = toRequest(values);
  const errors = { ...mapped.errors, ...local };
  if (Object.keys(errors).length > 0) {
    dispatch({ type: 'invalid', errors });
    focusFirstInvalid();
    return;
  }

  recentSheets.sent(mapped.request);
  reopening = undefined;
  await run(mapped.request);
}

/** A rewrite from the history: the same regenerate request again, its take shown as the result. */
function rewriteAgain(entry: RewriteEntry): void {
  if (isBusy(view)) return;
  recentSheets.sentAgain(entry);
  reopening = entry;
  void run(regenerateRequest(entry.source, entry.bars, entry.seed), { again: true });
}

/** Sends a request and follows it to its result; `again` marks a rewrite sent again, whose failures read as such. */
async function run(request: GenerationRequest, { again = false } = {}): Promise<void> {
  dispatch({ type: 'submit' });
  // A cancel still on its way holds this caller's in-flight share on the server: asking again before it lands is a 429.
  await cancelling;
  poll?.abort();
  const controller = new AbortController();
  poll = controller;
  try {
    const started = await api.start(request, controller.signal);
    dispatch({ type: 'accepted', statusUrl: started.accepted.statusUrl });
    await api.poll(started.accepted.statusUrl, {
      signal: controller.signal,
      // The poll itself waits for the result on the server (Prefer: wait), so it need not wait here first.
      initialDelayMs: 0,
      onUpdate: (status) => dispatch({ type: 'status', status }),
    });
    if (again && view.phase === 'failed' && view.error) recentSheets.failedAgain(view.error);
  } catch (error) {
    if (controller.signal.aborted) return;
    const raw = error instanceof ApiError ? error.problem : { type: 'about:blank', title: 'Something went wrong; try again.', status: 0 };
    const problem = again ? unwritableRewrite(raw) : raw;
    dispatch({ type: 'problem', problem });
    if (again) recentSheets.failedAgain(problemSentence(problem));
    if (problem.errors) focusFirstInvalid();
  } finally {
    if (poll === controller) poll = undefined;
  }
}

async function cancel(): Promise<void> {
  const statusUrl = view.statusUrl;
  poll?.abort();
  poll = undefined;
  dispatch({ type: 'canceled' });
  if (!statusUrl) return;
  const sent = (async () => {
    try {
      await api.cancel(statusUrl);
    } catch (error) {
      showAlert(error instanceof ApiError ? `Canceling did not go through: ${error.message}` : 'Canceling did not go through.');
    }
  })();
  cancelling = sent;
  await sent;
  if (cancelling === sent) cancelling = undefined;
}

// ---- events ----------------------------------------------------------------------------------------------------

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void generate();
});
cancelButton.addEventListener('click', () => void cancel());
new PrimerField({ input: $('primer'), clear: $('primer-clear'), help: $('primer-help'), key: keySelect, meter: meterSelect }, (primer) => {
  values = { ...values, primer };
});
$('use-seed').addEventListener('click', useSeed);
modelSelect.addEventListener('change', applyModelLimits);
barsInput.addEventListener('input', () => {
  values = withBars(readValues(), barsInput.value, drawn);
  valenceCurve.set(values.valenceCurve);
  densityCurve.set(values.densityCurve);
});
form.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement;
  if (target.name === 'valenceMode' || target.name === 'densityMode') {
    const field = target.name === 'valenceMode' ? 'valence' : 'density';
    values = readValues();
    // A curve starts flat at the single value, so switching modes never surprises.
    if (field === 'valence' && target.value === 'curve') {
      values = { ...values, valenceCurve: fromRequest({ bars: Number(values.bars) || undefined, valence: Math.round(Number(values.valence) || 0) }).valenceCurve };
      valenceCurve.set(values.valenceCurve);
      drawn = { ...drawn, valence: values.valenceCurve };
    }
    if (field === 'density' && target.value === 'curve') {
      values = { ...values, densityCurve: fromRequest({ bars: Number(values.bars) || undefined, density: values.density }).densityCurve };
      densityCurve.set(values.densityCurve);
      drawn = { ...drawn, density: values.densityCurve };
    }
    setMode(field, target.value as Mode);
  }
});

/**
 * OSMD and Tone are most of the app's weight and kept out of the first chunk; they are fetched while the user is
 * still choosing settings (the first touch of the form, or the first idle moment), so the sheet is drawn as soon as
 * its files arrive instead of after a 1.3 MB download.
 */
function prefetchHeavyParts(): void {
  void loadOsmd().catch(() => undefined);
  void loadPlayer().catch(() => undefined);
}

const recentSheets = new RecentSheets({
  settingsLine: $('results-settings'),
  copyLink: $('copy-link'),
  otherKey: $('other-key'),
  otherKeyGenerate: $('other-key-generate'),
  generationOnly: [$('results-seed-line'), $('use-seed'), $('copy-link'), $('other-key-field')],
  shareStatus: $('share-status'),
  history: $('history'),
  historyList: $('history-list'),
  historyEmpty: $('history-empty'),
  clearHistory: $('clear-history'),
  historyStatus: $('history-status'),
}, {
  fill: (settings) => showValues(fromRequest(settings)),
  generate: () => void generate(),
  rewrite: (entry) => rewriteAgain(entry),
  busy: () => isBusy(view),
  revealGenerate: () => reveal(generateButton, 'center'),
});

fillStaticOptions();
// A share link's settings, when the page is opened with one.
const shared = recentSheets.start(keySelect, location.search);
if (shared) values = fromRequest(shared);
showValues(values);
render();
void loadModels();
form.addEventListener('focusin', prefetchHeavyParts, { once: true });
form.addEventListener('pointerdown', prefetchHeavyParts, { once: true });
if ('requestIdleCallback' in window) window.requestIdleCallback(prefetchHeavyParts, { timeout: 4000 });
else setTimeout(prefetchHeavyParts, 2000);

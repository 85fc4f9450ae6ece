// "Rewrite bars" on one shown variation: bars picked by clicking the engraved measures (or typed into two number
// inputs, for the keyboard), highlighted on the sheet, written again under a new seed, and each rewrite undoable. The
// new take replaces the sheet in place; the variation keeps its number on the page whatever generation it came from.
import { ApiError } from './api';
import type { GenerationStatusDocument, VariationDocument } from './contract';
import {
  freshSeed,
  readRange,
  regenerateRequest,
  routeRewriteErrors,
  selectBar,
  spanLabel,
  Takes,
  type BarRange,
  type BarSelection,
  type TakeSource,
} from './rewrite';
import type { Score } from './scoreView';
import { element, renderVariation, sentence, type ShownVariation, type VariationContext } from './variationView';

export interface RewriteOptions {
  context: VariationContext;
  /** The variation's sheet on screen changed (a rewrite or an Undo): play and download this take now. */
  onTake: (shown: ShownVariation) => void;
  /** A rewrite finished: what was sent and what it wrote, for the history. */
  onRewrite?: (rewrite: FinishedRewrite) => void;
}

/** A finished rewrite: the regenerate request's parts, the take written, and the number the page shows it under. */
export interface FinishedRewrite {
  source: TakeSource;
  bars: BarRange;
  seed: string;
  written: VariationDocument;
  shownAs: number;
}

interface Take {
  shown: ShownVariation;
  source: TakeSource;
}

/** Adds the rewrite controls to a shown variation whose sheet came from `source`. */
export function offerRewrite(first: ShownVariation, source: TakeSource, options: RewriteOptions): void {
  new Rewriter(first, source, options);
}

class Rewriter {
  private readonly takes: Takes<Take>;
  private readonly n: number;
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly regenerate: HTMLButtonElement;
  private readonly undo: HTMLButtonElement;
  private readonly rangeError: HTMLParagraphElement;
  private readonly status: HTMLParagraphElement;
  private readonly failure: HTMLParagraphElement;
  private readonly layer = element('div', { className: 'bar-selection' });
  private selection: BarSelection | undefined;
  private score: Score | undefined;
  private bars = 0;
  private busy = false;
  private redraw: number | undefined;

  constructor(first: ShownVariation, source: TakeSource, private readonly options: RewriteOptions) {
    this.takes = new Takes({ shown: first, source });
    const n = (this.n = first.variation.variation);
    const id = (part: string) => `variation-${n}-rewrite-${part}`;
    this.layer.setAttribute('aria-hidden', 'true');
    const number = (part: string) => {
      const input = element('input', { id: id(part), type: 'number', min: '1', step: '1', inputMode: 'numeric', autocomplete: 'off' });
      input.setAttribute('aria-describedby', `${id('help')} ${id('range-error')}`);
      input.addEventListener('input', () => this.typed());
      // Not inside a form, so Enter would do nothing: it regenerates, as it submits the settings.
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') void this.write();
      });
      return input;
    };
    this.from = number('from');
    this.to = number('to');
    this.regenerate = element('button', { type: 'button', className: 'primary', textContent: 'Regenerate these bars', disabled: true });
    this.undo = element('button', { type: 'button', textContent: 'Undo rewrite', disabled: true });
    this.rangeError = element('p', { id: id('range-error'), className: 'error', hidden: true });
    this.status = element('p', { id: id('status'), className: 'rewrite-status' });
    this.status.setAttribute('role', 'status');
    this.failure = element('p', { id: id('error'), className: 'error', hidden: true });
    this.regenerate.setAttribute('aria-describedby', this.failure.id);
    this.regenerate.addEventListener('click', () => void this.write());
    this.undo.addEventListener('click', () => this.back());

    const heading = element('h4', { id: id('heading'), textContent: 'Rewrite bars' });
    const panel = element('div', { className: 'rewrite' },
      heading,
      element('p', { id: id('help'), className: 'help', textContent: 'Click the first bar on the sheet, then the last (shift-click moves the end), or type them. The other bars stay note for note.' }),
      element('div', { className: 'rewrite-row' },
        element('label', { htmlFor: this.from.id, textContent: 'From bar' }), this.from,
        element('label', { htmlFor: this.to.id, textContent: 'to bar' }), this.to,
        this.regenerate, this.undo),
      this.rangeError, this.status, this.failure);
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-labelledby', heading.id);
    first.article.querySelector('.score')?.before(panel);

    // OSMD draws the sheet again when the window changes width, and the bars move with it. Both watches end once a
    // new generation has taken the variation off the page.
    const drawn = new MutationObserver((changes) => {
      if (changes.some((c) => !this.layer.contains(c.target))) this.scheduleHighlight();
    });
    drawn.observe(first.article, { childList: true, subtree: true });
    const resized = () => {
      if (first.article.isConnected) return this.scheduleHighlight();
      drawn.disconnect();
      window.removeEventListener('resize', resized);
    };
    window.addEventListener('resize', resized);
    this.attach(first);
  }

  /** Waits for a take's sheet, then makes its bars clickable and shows the selection on it. */
  private attach(shown: ShownVariation): void {
    this.score = undefined;
    this.regenerate.disabled = true;
    void shown.score.then((score) => {
      if (this.takes.current.shown !== shown) return;
      this.score = score;
      this.bars = score.measureCount;
      this.from.max = this.to.max = String(this.bars);
      const box = shown.article.querySelector<HTMLElement>('.score');
      if (box) {
        box.classList.add('selectable');
        box.addEventListener('click', (event) => this.clicked(event, box));
        box.append(this.layer);
      }
      this.regenerate.disabled = this.busy;
      this.highlight();
    }, () => undefined);
  }

  private clicked(event: MouseEvent, box: HTMLElement): void {
    if (!this.score || this.busy) return;
    const frame = box.getBoundingClientRect();
    const x = event.clientX - frame.left - box.clientLeft;
    const y = event.clientY - frame.top - box.clientTop;
    const bar = this.score.barBoxes().findIndex((b) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height);
    if (bar < 0) return;
    this.selection = selectBar(this.selection, bar + 1, event.shiftKey);
    this.from.value = String(this.selection.range.first);
    this.to.value = String(this.selection.range.last);
    this.showRangeErrors({});
    this.highlight();
  }

  private typed(): void {
    const reading = readRange(this.from.value, this.to.value, this.bars);
    this.selection = reading.range ? { anchor: reading.range.first, range: reading.range } : undefined;
    this.highlight();
  }

  private scheduleHighlight(): void {
    if (this.redraw !== undefined) cancelAnimationFrame(this.redraw);
    this.redraw = requestAnimationFrame(() => {
      this.redraw = undefined;
      this.highlight();
    });
  }

  /** One tinted box over each selected bar, and the selection named on the sheet's figure for screen readers. */
  private highlight(): void {
    const range = this.selection?.range;
    const drawn = this.score?.barBoxes() ?? [];
    const boxes = range ? drawn.slice(range.first - 1, range.last) : [];
    this.layer.replaceChildren(...boxes.map((b) => {
      const mark = element('div', { className: 'bar-mark' });
      Object.assign(mark.style, { left: `${b.x}px`, top: `${b.y}px`, width: `${b.width}px`, height: `${b.height}px` });
      return mark;
    }));
    this.layer.dataset.bars = range ? `${range.first}-${range.last}` : '';
    const figure = this.takes.current.shown.article.querySelector('.score');
    figure?.setAttribute('aria-label', `Sheet music of variation ${this.n}${range ? `, ${spanLabel(range)} selected` : ''}`);
  }

  private showRangeErrors(errors: { from?: string[]; to?: string[]; both?: string[] }): void {
    const messages = [...(errors.from ?? []), ...(errors.to ?? []), ...(errors.both ?? [])];
    this.rangeError.textContent = messages.join(' ');
    this.rangeError.hidden = messages.length === 0;
    const mark = (input: HTMLInputElement, bad: boolean) => (bad ? input.setAttribute('aria-invalid', 'true') : input.removeAttribute('aria-invalid'));
    mark(this.from, Boolean(errors.from || errors.both));
    mark(this.to, Boolean(errors.to || errors.both));
  }

  private say(status: string, failure = ''): void {
    this.status.textContent = status;
    this.failure.textContent = failure;
    this.failure.hidden = failure === '';
  }

  private async write(): Promise<void> {
    if (this.busy || !this.score) return;
    const reading = readRange(this.from.value, this.to.value, this.bars);
    if (!reading.range) {
      this.showRangeErrors(reading.errors);
      (reading.errors.from ? this.from : this.to).focus();
      return;
    }
    this.showRangeErrors({});
    const range = reading.range;
    const current = this.takes.current;
    this.setBusy(true);
    this.say(`Writing ${spanLabel(range)} again…`);
    try {
      const seed = freshSeed(current.shown.variation.seed);
      const request = regenerateRequest(current.source, range, seed);
      const started = await this.options.context.api.start(request);
      const status = await this.options.context.api.poll(started.accepted.statusUrl, { initialDelayMs: 0 });
      // A generation started meanwhile has replaced this variation on the page: the take has nowhere to go.
      if (!this.article.isConnected) return;
      const written = status.status === 'completed' ? status.variations?.[0] : undefined;
      if (!written) {
        this.say('', failureText(status));
        return;
      }
      this.options.onRewrite?.({ source: current.source, bars: range, seed, written, shownAs: this.n });
      this.show({ shown: this.render(written), source: { generation: status.id, variation: written.variation } }, range);
      this.say(`${capitalise(spanLabel(range))} written again (seed ${written.seed}); the other bars are as they were. Undo rewrite brings back the previous take.`);
    } catch (error) {
      const errors = error instanceof ApiError ? error.fieldErrors : {};
      const { range: about, other } = routeRewriteErrors(errors);
      if (about.length > 0) this.showRangeErrors({ both: about });
      this.say('', other.length > 0 ? other.join(' ') : about.length > 0 ? '' : `The bars could not be written again. ${sentence(error)}`);
    } finally {
      this.setBusy(false);
    }
  }

  private back(): void {
    if (!this.takes.canUndo || this.busy) return;
    const previous = this.takes.undo();
    // Drawn again from the bytes fetched the first time, so links that have expired since do not matter.
    const shown = this.render(previous.shown.variation, { midi: previous.shown.midi, musicXml: previous.shown.musicXml });
    this.replaceOnPage({ ...previous, shown });
    this.say(`Back to the take before (seed ${previous.shown.variation.seed}).`);
  }

  /** The written variation under this slot's number, so its heading, ids and transport entry stay the same. */
  private render(variation: VariationDocument, files?: VariationContext['files']): ShownVariation {
    return renderVariation({ ...variation, variation: this.n }, { ...this.options.context, files });
  }

  private show(take: Take, range: BarRange): void {
    this.takes.push(take);
    this.selection = { anchor: range.first, range };
    this.replaceOnPage(take);
  }

  /** Swaps the facts and the sheet of the article for the take's, leaving the controls (and the focus) where they are. */
  private replaceOnPage(take: Take): void {
    const article = this.article;
    for (const part of ['.facts', '.score']) {
      const next = take.shown.article.querySelector(part);
      if (next) article.querySelector(part)?.replaceWith(next);
    }
    const onPage: ShownVariation = { ...take.shown, article };
    this.takes.current.shown = onPage;
    this.undo.disabled = !this.takes.canUndo;
    this.attach(onPage);
    this.options.onTake(onPage);
  }

  private get article(): HTMLElement {
    return this.regenerate.closest('article')!;
  }

  private setBusy(on: boolean): void {
    this.busy = on;
    this.regenerate.disabled = on || !this.score;
    this.regenerate.textContent = on ? 'Regenerating…' : 'Regenerate these bars';
    this.undo.disabled = on || !this.takes.canUndo;
    this.article.setAttribute('aria-busy', String(on));
  }
}

function failureText(status: GenerationStatusDocument): string {
  if (status.status === 'canceled') return 'The rewrite was canceled.';
  const message = status.error?.message.split(/\r?\n/, 1)[0]?.trim();
  return message ? `The bars could not be written again: ${message}` : 'The bars could not be written again; try again, perhaps with other bars.';
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

// One finished variation: its facts and the engraved sheet. The files are fetched once when the result arrives, so
// playback and downloads (in the transport, transportView.ts) work even after the signed links expire.
import type { ApiClient } from './api';
import { ApiError } from './api';
import type { FileLink, VariationDocument } from './contract';
import { Score, type ScoreOptions } from './scoreView';

export interface VariationContext {
  api: ApiClient;
  score?: ScoreOptions;
  /** Bytes already fetched (an earlier take brought back by Undo), so expired links do not matter. */
  files?: { midi: Promise<ArrayBuffer>; musicXml: Promise<ArrayBuffer> };
}

/** A shown variation as the transport plays and downloads it. */
export interface ShownVariation {
  variation: VariationDocument;
  article: HTMLElement;
  score: Promise<Score>;
  midi: Promise<ArrayBuffer>;
  musicXml: Promise<ArrayBuffer>;
}

const signed = (value: number): string => (value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2));

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function renderVariation(variation: VariationDocument, context: VariationContext): ShownVariation {
  const n = variation.variation;
  const headingId = `variation-${n}-heading`;
  const article = element('article', { className: 'variation', id: `variation-${n}` });
  article.setAttribute('aria-labelledby', headingId);

  const facts = element('ul', { className: 'facts' },
    element('li', {}, `Variation seed ${variation.seed}`),
    element('li', {}, `Average valence ${signed(variation.analysis.averageValence)}`),
    element('li', {}, `In key ${Math.round(variation.analysis.inKeyRatio * 100)}%`),
  );
  const scoreBox = element('div', { className: 'score' }, element('p', { className: 'score-status', textContent: 'Engraving the sheet…' }));
  scoreBox.setAttribute('aria-label', `Sheet music of variation ${n}`);
  scoreBox.setAttribute('role', 'figure');
  article.append(element('h3', { id: headingId, textContent: `Variation ${n}` }), facts, scoreBox);

  const midi = context.files?.midi ?? fetchFile(context.api, variation.files.midi);
  const musicXml = context.files?.musicXml ?? fetchFile(context.api, variation.files.musicXml);
  const score = musicXml
    .then((bytes) => Score.render(scoreBox, new TextDecoder().decode(bytes), context.score))
    .then((drawn) => {
      scoreBox.dataset.state = 'ready';
      return drawn;
    });
  score.catch((error: unknown) => {
    scoreBox.dataset.state = 'error';
    scoreBox.replaceChildren(element('p', { className: 'error', textContent: `The sheet could not be shown. ${sentence(error)}` }));
  });
  return { variation, article, score, midi, musicXml };
}

function fetchFile(api: ApiClient, link: FileLink): Promise<ArrayBuffer> {
  const promise = api.file(link.url);
  promise.catch(() => undefined); // Reported where it is used; never an unhandled rejection.
  return promise;
}

/** A sentence for the page: the API's own, or a plain one (never an exception's internals). */
export function sentence(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Try again, or reload the page.';
}
